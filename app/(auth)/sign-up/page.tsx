import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { signUp } from "@/app/(auth)/actions";
import { AuthFooterLink } from "@/components/auth/auth-footer-link";
import { AuthHeading } from "@/components/auth/auth-heading";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { authPageHref, postSignInPath } from "@/lib/ui/auth-paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create account" };

type SignUpPageProps = {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
};

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  const env = getEnv();
  if (!env.LOCAL_ACCOUNTS || !env.LOCAL_SIGNUP) notFound();
  if (await getCurrentUser()) redirect("/");
  const callbackUrl = postSignInPath((await searchParams).callbackUrl, env.APP_URL);

  return (
    <>
      <AuthHeading title="Create your account" description="Set up a local account to start chatting." />
      <Card className="mt-8 p-6 sm:p-8">
        <SignUpForm action={signUp} callbackUrl={callbackUrl} />
      </Card>
      <AuthFooterLink prompt="Already have an account?" href={authPageHref("/sign-in", callbackUrl)}>
        Sign in
      </AuthFooterLink>
    </>
  );
}
