import { NewChatOptions } from "./settings/new-chat-options";
import { WelcomeHeading } from "./welcome-heading";

/** The start of a new chat, before the first message: a welcome, the user's presets and the chat's settings. */
export function NewChatIntro({ firstName }: { firstName: string }) {
  return (
    <div className="flex flex-1 items-center justify-center px-4 py-12">
      <div className="flex max-w-xl flex-col items-center text-center">
        <WelcomeHeading firstName={firstName} />
        <p className="mt-3 text-[15px] leading-relaxed text-balance text-muted-foreground">
          What can I help you with? Pick a model below and ask away. Your conversations stay inside the company.
        </p>
        <NewChatOptions />
      </div>
    </div>
  );
}
