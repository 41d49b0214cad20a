import { MessagesSquare } from "lucide-react";

/** The start of a new chat, before the first message. */
export function NewChatIntro({ firstName }: { firstName: string }) {
  return (
    <div className="flex flex-1 items-center justify-center px-4 py-12">
      <div className="flex max-w-md flex-col items-center text-center">
        <div className="relative">
          <div aria-hidden="true" className="absolute -inset-6 rounded-full bg-primary/10 blur-2xl" />
          <div className="relative flex size-14 items-center justify-center rounded-2xl border bg-card text-primary shadow-sm">
            <MessagesSquare aria-hidden="true" className="size-6" strokeWidth={1.75} />
          </div>
        </div>
        <h1 className="mt-7 text-2xl font-semibold tracking-tight text-balance sm:text-3xl">Welcome, {firstName}</h1>
        <p className="mt-3 text-[15px] leading-relaxed text-balance text-muted-foreground">
          What can I help you with? Pick a model below and ask away. Your conversations stay inside the company.
        </p>
      </div>
    </div>
  );
}
