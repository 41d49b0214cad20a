import { MessagesSquare } from "lucide-react";

/** The greeting at the top of an empty chat: the app's mark and "Welcome, {name}". */
export function WelcomeHeading({ firstName }: { firstName: string }) {
  return (
    <>
      <div className="relative">
        <div aria-hidden="true" className="absolute -inset-6 rounded-full bg-primary/10 blur-2xl" />
        <div className="relative flex size-14 items-center justify-center rounded-2xl border bg-card text-primary shadow-sm">
          <MessagesSquare aria-hidden="true" className="size-6" strokeWidth={1.75} />
        </div>
      </div>
      <h1 className="mt-7 text-2xl font-semibold tracking-tight text-balance sm:text-3xl">Welcome, {firstName}</h1>
    </>
  );
}
