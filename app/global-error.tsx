"use client";

import { RetryIcon } from "@/components/retry-icon";
import { StatusPage } from "@/components/status-page";
import { Button } from "@/components/ui/button";
import "./globals.css";

type GlobalErrorProps = { error: unknown; retry: () => void };

// Replaces the root layout when that layout itself fails, so it brings its own document and styles.
export default function GlobalError({ retry }: GlobalErrorProps) {
  return (
    <html lang="en">
      <body>
        <title>Something went wrong · Chat</title>
        <StatusPage
          eyebrow="Error"
          title="Something went wrong"
          description="Chat could not be loaded. Try again in a moment; if it keeps happening, tell your administrator."
        >
          <Button onClick={() => retry()}>
            <RetryIcon />
            Try again
          </Button>
        </StatusPage>
      </body>
    </html>
  );
}
