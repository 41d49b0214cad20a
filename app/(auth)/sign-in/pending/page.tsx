import { Clock } from "lucide-react";
import type { Metadata } from "next";
import { AuthFooterLink } from "@/components/auth/auth-footer-link";
import { AuthHeading } from "@/components/auth/auth-heading";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Waiting for approval" };

// Where a new SSO user lands while approval is required. It has no session to read: a pending user is given none.
export default function PendingApprovalPage() {
  return (
    <>
      <AuthHeading title="Waiting for approval" description="Your account has been created and is waiting for an administrator." />
      <Card className="mt-8 p-6 sm:p-8">
        <div className="flex items-start gap-3 text-sm">
          <Clock aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
          <p>An administrator needs to approve your account before you can use Chat. Once they have, sign in again and you will go straight in.</p>
        </div>
      </Card>
      <AuthFooterLink prompt="Approved already?" href="/sign-in">
        Sign in
      </AuthFooterLink>
    </>
  );
}
