/** Shown while the model works on an answer that has no text yet; says so when the answer is being asked again. */
export function ThinkingIndicator({ retrying = null }: { retrying?: string | null }) {
  return (
    <p role={retrying ? "status" : undefined} className="mt-1.5 flex min-h-7 items-center gap-2 text-sm text-muted-foreground">
      <span aria-hidden="true" className="flex gap-1">
        <span className="size-1.5 animate-pulse rounded-full bg-current" />
        <span className="size-1.5 animate-pulse rounded-full bg-current [animation-delay:150ms]" />
        <span className="size-1.5 animate-pulse rounded-full bg-current [animation-delay:300ms]" />
      </span>
      {retrying ?? "Thinking…"}
    </p>
  );
}
