import type { ChatUIMessage } from "@/lib/chat/types";

/** The plain text of a message: its text parts joined (Markdown in answers, plain text in the user's messages). */
export function messageText(message: ChatUIMessage): string {
  return message.parts
    .filter((part) => part.type === "text")
    .map((part) => part.text)
    .join("");
}
