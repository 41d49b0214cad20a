"use client";

import { RetryIcon } from "@/components/retry-icon";
import { StatusPage } from "@/components/status-page";
import { Button, buttonClasses } from "@/components/ui/button";

type ErrorPageProps = { error: unknown; retry: () => void };

export default function ErrorPage({ error, retry }: ErrorPageProps) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <StatusPage
      eyebrow={digest ? `Error ${digest}` : "Error"}
      title="Something went wrong"
      description="The page could not be loaded. Try again; if it keeps happening, tell your administrator."
    >
      <Button onClick={() => retry()}>
        <RetryIcon />
        Try again
      </Button>
      {/* A plain link: a full page load recovers even when client navigation is what broke. */}
      <a href="/" className={buttonClasses({ variant: "secondary" })}>
        Back to home
      </a>
    </StatusPage>
  );
}
