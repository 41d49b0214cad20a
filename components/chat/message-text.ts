import type { ChatUIMessage } from "@/lib/chat/types";

/** The plain text of a message: its text parts joined (answers are plain text until Markdown arrives). */
export function messageText(message: ChatUIMessage): string {
  return message.parts
    .filter((part) => part.type === "text")
    .map((part) => part.text)
    .join("");
}
