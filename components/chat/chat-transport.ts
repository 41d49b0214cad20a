import { DefaultChatTransport } from "ai";
import { apiResponse } from "@/lib/api/client";
import type { ChatUIMessage, RegenerateAnswerInput, SendMessageInput } from "@/lib/chat/types";
import { messageText } from "./message-text";

type ChatTransportOptions = {
  /** Called once the server accepted a message (2xx): from then on the conversation exists on the server. */
  onAccepted: () => void;
  /** Called when a resume finds no answer being written (204): it ended, and is stored, meanwhile. */
  onNothingToResume: () => void;
};

/**
 * The chat API speaks the AI SDK UI message stream, but takes only the new message: the server holds the history,
 * so the client never sends (or can rewrite) earlier turns. The model travels in the request body (see sendMessage).
 */
export function createChatTransport({ onAccepted, onNothingToResume }: ChatTransportOptions) {
  return new DefaultChatTransport<ChatUIMessage>({
    api: "/api/chat",
    fetch: async (input, init) => {
      // A refusal reaches useChat as the server's ApiError (read by its code), not as the body's text.
      const response = await apiResponse(input, init);
      if (init?.method === "POST") onAccepted();
      if (init?.method === "GET" && response.status === 204) onNothingToResume();
      return response;
    },
    prepareSendMessagesRequest: ({ id, messages, body, trigger }) => {
      const last = messages.at(-1);
      if (!last || last.role !== "user") throw new Error("Only a new user message can be sent.");
      const modelId = String(body?.modelId ?? "");
      if (trigger === "regenerate-message") {
        const request: RegenerateAnswerInput = { conversationId: id, modelId, regenerate: { parentId: last.id } };
        return { body: request };
      }
      const request: SendMessageInput = { conversationId: id, modelId, message: { id: last.id, text: messageText(last) } };
      // An edit: the new version follows what the edited message followed (null: it was the first message).
      const parentId = body?.parentId;
      if (parentId === null || typeof parentId === "string") request.parentId = parentId;
      // A new chat's settings (see useNewChatSettings); the server ignores them for a stored conversation.
      if (body?.settings) request.settings = body.settings as SendMessageInput["settings"];
      return { body: request };
    },
    prepareReconnectToStreamRequest: ({ id }) => ({ api: `/api/chat/${encodeURIComponent(id)}/stream` }),
  });
}
