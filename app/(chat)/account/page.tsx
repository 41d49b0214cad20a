import type { Metadata } from "next";
import { AccountSection } from "@/components/account/account-section";
import { ApiKeysCard } from "@/components/account/api-keys/api-keys-card";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { DeleteConversationsForm } from "@/components/account/delete-conversations-form";
import { DownloadDataButton } from "@/components/account/download-data-button";
import { ProfileDetails } from "@/components/account/profile-details";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { requireUser } from "@/lib/auth/session";
import { countAccountData, getAccountProfile } from "@/lib/db/account-data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

const numbers = new Intl.NumberFormat("en");

function plural(count: number, one: string, many: string) {
  return `${numbers.format(count)} ${count === 1 ? one : many}`;
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [profile, counts] = await Promise.all([getAccountProfile({ userId: user.id }), countAccountData({ userId: user.id })]);
  if (!profile) return null;
  const signIn = [profile.identities.length > 0 && "Company sign-in (SSO)", profile.hasPassword && "Email and password"].filter(Boolean).join(", ") || "—";

  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-6 sm:px-6 sm:py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <p className="mt-1.5 text-sm text-muted-foreground">Your profile, a copy of everything stored about you, and deleting it.</p>

      <div className="mt-6 grid gap-6 sm:mt-8">
        <AccountSection id="account-profile" title="Profile" description="As your sign-in provides it.">
          <ProfileDetails name={profile.name} email={profile.email} role={profile.role} signIn={signIn} createdAt={profile.createdAt.toISOString()} />
        </AccountSection>

        <AccountSection
          id="account-sessions"
          title="Sign out everywhere"
          description="Ends your sessions on every device and browser, this one included. Use it if you signed in on a computer that is not yours or think someone else has your password."
        >
          <SignOutEverywhereButton />
        </AccountSection>

        <AccountSection
          id="account-download"
          title="Download your data"
          description="One JSON file with your profile, every conversation with its messages, your presets and your usage records."
        >
          <p className="mb-4 text-sm" data-testid="account-data-counts">
            {plural(counts.conversations, "conversation", "conversations")} · {plural(counts.messages, "message", "messages")} ·{" "}
            {plural(counts.presets, "preset", "presets")} · {plural(counts.usageRecords, "usage record", "usage records")}
          </p>
          <DownloadDataButton />
        </AccountSection>

        <ApiKeysCard userId={user.id} />

        <AccountSection
          id="account-delete-conversations"
          title="Delete all my conversations"
          description="Every conversation and its messages are deleted for good. Your account, presets and usage records stay."
          tone="danger"
        >
          <DeleteConversationsForm />
        </AccountSection>

        <AccountSection
          id="account-delete"
          title="Delete my account"
          description="Your account, conversations, presets and usage records are deleted and you are signed out. Signing in again later starts a new, empty account."
          tone="danger"
        >
          <DeleteAccountForm email={profile.email} />
        </AccountSection>
      </div>
    </div>
  );
}
