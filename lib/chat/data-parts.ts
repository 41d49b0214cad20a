// Data parts the chat server adds to the UI message stream, next to the contract in ./types.ts. Safe for the browser.

/**
 * `{ type: "data-title", data: ChatTitleData, transient: true }`: the conversation's new automatic title, sent after
 * the first complete answer when the title is ready before the stream closes (else the UI refetches the list).
 * Transient: it reaches `useChat`'s `onData`, not the message parts.
 */
export interface ChatTitleData {
  conversationId: string;
  title: string;
}

export const TITLE_DATA_PART = "data-title";
