import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthFooterLink } from "@/components/auth/auth-footer-link";
import { AuthHeading } from "@/components/auth/auth-heading";
import { SignInPanel } from "@/components/auth/sign-in-panel";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { getEnv } from "@/lib/env";
import { authPageHref, firstParam, postSignInPath } from "@/lib/ui/auth-paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = {
  searchParams: Promise<{ error?: string | string[]; callbackUrl?: string | string[] }>;
};

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const env = getEnv();
  const params = await searchParams;
  const callbackUrl = postSignInPath(params.callbackUrl, env.APP_URL);
  if (await getCurrentUser()) redirect(callbackUrl);

  const ssoName = env.oidc ? env.OIDC_NAME : null;
  const description = ssoName
    ? `Use your ${ssoName} account${env.LOCAL_ACCOUNTS ? " or your email and password" : ""} to continue.`
    : "Enter your email and password to continue.";

  return (
    <>
      <AuthHeading title="Sign in to Chat" description={description} />
      <Card className="mt-8 p-6 sm:p-8">
        <SignInPanel
          callbackUrl={callbackUrl}
          ssoName={ssoName}
          localAccounts={env.LOCAL_ACCOUNTS}
          initialError={signInErrorMessage(firstParam(params.error))}
        />
      </Card>
      {env.LOCAL_ACCOUNTS && env.LOCAL_SIGNUP && (
        <AuthFooterLink prompt="New here?" href={authPageHref("/sign-up", callbackUrl)}>
          Create an account
        </AuthFooterLink>
      )}
    </>
  );
}
