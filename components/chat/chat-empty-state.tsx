import { WelcomeHeading } from "./welcome-heading";

type ChatEmptyStateProps = { firstName: string; isAdmin: boolean };

/** What the chat shows until an administrator has configured a model. */
export function ChatEmptyState({ firstName, isAdmin }: ChatEmptyStateProps) {
  return (
    <div className="flex flex-1 items-center justify-center px-4 py-16 sm:py-24">
      <div className="flex max-w-md flex-col items-center text-center">
        <WelcomeHeading firstName={firstName} />
        <p className="mt-8 inline-flex items-center gap-2 rounded-full border bg-card px-3 py-1 text-xs font-medium text-muted-foreground shadow-xs">
          <span aria-hidden="true" className="size-1.5 rounded-full bg-amber-500" />
          No models are configured yet
        </p>
        <p className="mt-4 text-[15px] leading-relaxed text-balance text-muted-foreground">
          {isAdmin ? (
            <>
              As an administrator, connect a model: list it in the YAML file that <code className="font-mono text-[13px]">MODELS_FILE</code> points
              to (see <code className="font-mono text-[13px]">examples/models.example.yaml</code>) and restart the server.
            </>
          ) : (
            "Chat is being set up. Models will appear here once an administrator configures them."
          )}
        </p>
      </div>
    </div>
  );
}
