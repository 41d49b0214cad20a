import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { WelcomeHeading } from "./welcome-heading";

type ChatEmptyStateProps = { firstName: string; isAdmin: boolean };

/** What the chat shows until an administrator has configured a model. */
export function ChatEmptyState({ firstName, isAdmin }: ChatEmptyStateProps) {
  return (
    <div className="flex flex-1 items-center justify-center px-4 py-16 sm:py-24">
      <div data-testid="no-models" className="flex max-w-md flex-col items-center text-center">
        <WelcomeHeading firstName={firstName} />
        <p className="mt-8 inline-flex items-center gap-2 rounded-full border bg-card px-3 py-1 text-xs font-medium text-muted-foreground shadow-xs">
          <span aria-hidden="true" className="size-1.5 rounded-full bg-amber-500" />
          No models are configured yet
        </p>
        {isAdmin ? (
          <>
            <p className="mt-4 text-[15px] leading-relaxed text-balance text-muted-foreground">
              Connect a model to start chatting: add one in the admin console, or list it in the YAML file that{" "}
              <code className="font-mono text-[13px]">MODELS_FILE</code> points to (see{" "}
              <code className="font-mono text-[13px]">examples/models.example.yaml</code>) and restart the server.
            </p>
            <Link href="/admin/models" className={cn(buttonClasses(), "mt-6")}>
              Add a model
              <ArrowRight aria-hidden="true" />
            </Link>
          </>
        ) : (
          <p className="mt-4 text-[15px] leading-relaxed text-balance text-muted-foreground">
            Chat is not set up yet: no model is available to you. Ask your administrator to configure one; it will appear here.
          </p>
        )}
      </div>
    </div>
  );
}
