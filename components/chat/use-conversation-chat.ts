"use client";

import { useRouter } from "next/navigation";
import { type SetStateAction, useCallback, useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/api/client";
import { ApiError } from "@/lib/api/errors";
import type { ConversationSettingsInput } from "@/lib/chat/generation-settings";
import type { BranchMessages, ChatUIMessage } from "@/lib/chat/types";
import type { FindingCount } from "@/lib/privacy/decision";
import type { ChatEngineHelpers, ChatEngineProps } from "./chat-engine";
import { chatErrorText, refusedBeforeStoring, storedBeforeFailing } from "./chat-error-text";
import type { PrivacyConfirmation } from "./privacy/privacy-confirm";
import { useStopAnswer } from "./use-stop-answer";

type ConversationChatOptions = {
  conversationId: string;
  initialMessages: ChatUIMessage[];
  /** The server is still writing an answer: resume its stream on mount. */
  generating: boolean;
  /** The server accepted a message (the conversation exists from then on). */
  onAccepted: () => void;
  /** An answer ended, however it ended (complete, stopped, failed). */
  onAnswerEnd: () => void;
};

type BranchRequest = (privacyAcknowledged: FindingCount[]) => Promise<void>;

const withAcknowledged = (acknowledged: FindingCount[] | undefined) => (acknowledged ? { privacyAcknowledged: acknowledged } : {});

/** useChat wired to this app's chat API: one conversation, resumable, with a Stop that stops the server too. */
export function useConversationChat({ conversationId, initialMessages, generating, onAccepted, onAnswerEnd }: ConversationChatOptions) {
  const router = useRouter();
  const callbacks = useRef({ onAccepted, onAnswerEnd });
  useEffect(() => {
    callbacks.current = { onAccepted, onAnswerEnd };
  });
  const [transport] = useState<ChatEngineProps["transport"]>(() => ({
    onAccepted: () => callbacks.current.onAccepted(),
    // The page was rendered while the answer was being written: the stored copy is final now, load it.
    onNothingToResume: () => router.refresh(),
  }));
  // An edit or a regenerate added an alternative: once its answer ends, the branch is reloaded for the "2 / 3"s.
  const reloadAfterAnswer = useRef(false);
  const requestCount = useRef(0);
  const lastError = useRef<Error | undefined>(undefined);
  const [branchError, setBranchError] = useState<string | null>(null);
  // What the user last confirmed for a model in this conversation goes with every later request to it: the earlier
  // turns are sent again each time, and only findings beyond these are asked about again (decidePrivacy).
  const confirmedFindings = useRef<{ modelId: string; warnings: FindingCount[] } | null>(null);
  const acknowledgedFor = useCallback((modelId: string, confirmedNow: FindingCount[] | undefined): FindingCount[] | undefined => {
    if (confirmedNow) confirmedFindings.current = { modelId, warnings: confirmedNow };
    return confirmedFindings.current?.modelId === modelId ? confirmedFindings.current.warnings : undefined;
  }, []);
  // An edit or regenerate the privacy policy asks about: the findings, and the same request again once confirmed.
  const [branchConfirm, setBranchConfirm] = useState<{ confirmation: PrivacyConfirmation; retry: BranchRequest } | null>(null);
  const lastBranchRequest = useRef<BranchRequest | null>(null);
  const [switching, setSwitching] = useState(false);
  const engine = useChatEngine(initialMessages, generating);
  const engineProps: ChatEngineProps | null = engine.mounted
    ? {
        conversationId,
        initialMessages: engine.mountMessages,
        resume: generating,
        transport,
        onChange: engine.onChange,
        onError: (error) => {
          lastError.current = error;
        },
        onFinish: ({ isError }) => {
          callbacks.current.onAnswerEnd();
          if (!reloadAfterAnswer.current) return;
          reloadAfterAnswer.current = false;
          void reloadBranch.current(isError);
        },
      }
    : null;
  const { status, messages, setMessages, sendMessage, clearError, stop: stopLocalStream } = engine;
  // Read when an edit is sent or Stop pressed, so the callbacks stay the same while an answer streams in.
  const shownMessages = useRef(messages);
  useEffect(() => {
    shownMessages.current = messages;
  });
  const readMessages = useCallback(() => shownMessages.current, []);
  const requestsSent = useCallback(() => requestCount.current, []);
  const { stopping, stop } = useStopAnswer({ conversationId, messages: readMessages, requestsSent, stopLocalStream, setMessages });

  /**
   * Sends a new question. When the server refuses it before storing anything (a quota, a model taken away), the
   * question leaves the conversation again and the reason is returned, so the caller can put the text back.
   */
  const send = useCallback(
    async (
      text: string,
      modelId: string,
      settings?: ConversationSettingsInput,
      privacyAcknowledged?: FindingCount[],
    ): Promise<{ refused: string; error: ApiError } | null> => {
      setBranchError(null);
      requestCount.current += 1;
      lastError.current = undefined;
      const shownBefore = new Set(shownMessages.current.map((message) => message.id));
      const acknowledged = acknowledgedFor(modelId, privacyAcknowledged);
      const body = { modelId, ...(settings ? { settings } : {}), ...withAcknowledged(acknowledged) };
      await sendMessage({ text, metadata: { createdAt: new Date().toISOString() } }, { body });
      // Set by onError while sendMessage ran (TypeScript still sees the undefined assigned above).
      const error = lastError.current as Error | undefined;
      // Stored, then refused by the backend: the conversation exists, so a new chat's page becomes it (its address,
      // its entry in the sidebar), and "New chat" then really starts another one.
      if (storedBeforeFailing(error)) callbacks.current.onAccepted();
      if (!refusedBeforeStoring(error) || !(error instanceof ApiError)) return null;
      setMessages((current) => current.filter((message) => shownBefore.has(message.id)));
      clearError();
      return { refused: chatErrorText(error), error };
    },
    [sendMessage, setMessages, clearError, acknowledgedFor],
  );

  const branchUrl = `/api/conversations/${encodeURIComponent(conversationId)}`;
  // After a failed edit or regenerate the stored branch comes back as it was (nothing was lost), with the reason.
  const reloadBranch = useRef(async (_failed: boolean) => {});
  useEffect(() => {
    reloadBranch.current = async (failed: boolean) => {
      if (failed) {
        // Refused before any answer started (JSON error, no connection): say why. An answer that failed while being
        // written is stored with its reason and shows it itself.
        const error = lastError.current;
        const warnings = error instanceof ApiError && error.code === "privacy_confirm" ? error.privacy?.warnings : undefined;
        const retry = lastBranchRequest.current;
        if (warnings && retry && error) setBranchConfirm({ confirmation: { message: error.message, warnings }, retry });
        else if (error instanceof ApiError) setBranchError(chatErrorText(error));
        clearError();
      }
      const requestsBefore = requestCount.current;
      const loaded = await apiFetch<BranchMessages>(`${branchUrl}/messages`).catch(() => null);
      // A message sent meanwhile is newer than what was loaded.
      if (loaded && requestCount.current === requestsBefore) setMessages(loaded.messages);
    };
  });

  /** A new answer to the last question, next to the one there is (which stays as an alternative). */
  const { regenerate: regenerateLast } = engine;
  const regenerate = useCallback(
    async (modelId: string, privacyAcknowledged?: FindingCount[]) => {
      setBranchError(null);
      setBranchConfirm(null);
      reloadAfterAnswer.current = true;
      requestCount.current += 1;
      lastBranchRequest.current = (acknowledged) => regenerate(modelId, acknowledged);
      const acknowledged = acknowledgedFor(modelId, privacyAcknowledged);
      await regenerateLast({ body: { modelId, ...withAcknowledged(acknowledged) } });
    },
    [regenerateLast, acknowledgedFor],
  );

  /** Sends `text` as a new version of the question `messageId`; the old version and its answers stay reachable. */
  const edit = useCallback(
    async (messageId: string, text: string, modelId: string, privacyAcknowledged?: FindingCount[]) => {
      const messages = shownMessages.current;
      const index = messages.findIndex((message) => message.id === messageId);
      const edited = messages[index];
      if (!edited) return;
      setBranchError(null);
      setBranchConfirm(null);
      lastBranchRequest.current = (acknowledged) => edit(messageId, text, modelId, acknowledged);
      const count = (edited.metadata?.siblings?.count ?? 1) + 1;
      setMessages(messages.slice(0, index));
      reloadAfterAnswer.current = true;
      requestCount.current += 1;
      await sendMessage(
        { text, metadata: { createdAt: new Date().toISOString(), siblings: { index: count, count, previousId: messageId, nextId: null } } },
        { body: { modelId, parentId: messages[index - 1]?.id ?? null, ...withAcknowledged(acknowledgedFor(modelId, privacyAcknowledged)) } },
      );
    },
    [sendMessage, setMessages, acknowledgedFor],
  );

  /** Shows another alternative (and the newest branch under it); the server remembers it for the next visit. */
  const switchBranch = useCallback(
    async (messageId: string) => {
      setSwitching(true);
      setBranchError(null);
      try {
        setMessages((await apiFetch<BranchMessages>(`${branchUrl}/branch`, { method: "PATCH", body: { messageId } })).messages);
      } catch (error) {
        setBranchError(chatErrorText(error instanceof Error ? error : null));
      } finally {
        setSwitching(false);
      }
    },
    [branchUrl, setMessages],
  );

  // Fresh server props (after router.refresh) replace the local copy, unless an answer is streaming in: that is newer.
  const busy = useRef(false);
  useEffect(() => {
    busy.current = status === "submitted" || status === "streaming";
  }, [status]);
  const shownInitial = useRef(initialMessages);
  useEffect(() => {
    if (shownInitial.current === initialMessages) return;
    shownInitial.current = initialMessages;
    if (!busy.current) setMessages(initialMessages);
  }, [initialMessages, setMessages]);

  const dismissBranchConfirm = useCallback(() => setBranchConfirm(null), []);
  return {
    messages,
    status,
    error: engine.error,
    stopping,
    send,
    stop,
    regenerate,
    edit,
    switchBranch,
    switching,
    branchError,
    branchConfirm,
    dismissBranchConfirm,
    /** For ChatView to render as <LazyChatEngine>: null until the chat is first used. */
    engineProps,
  };
}

/**
 * useChat's state and functions, from the chat engine once it is loaded (see LazyChatEngine) and until then the
 * messages as shown, "ready" and no error, as useChat starts. The engine mounts at once when there are messages
 * (an answer may be resuming; regenerate and edit must not wait) and otherwise with the first message sent: a send
 * waits for it, and what setMessages did meanwhile is what the engine starts from.
 */
function useChatEngine(initialMessages: ChatUIMessage[], generating: boolean) {
  const [loaded, setLoaded] = useState<ChatEngineHelpers | null>(null);
  const [mounted, setMounted] = useState(generating || initialMessages.length > 0);
  const [earlyMessages, setEarlyMessages] = useState(initialMessages);
  const current = useRef<ChatEngineHelpers | null>(null);
  const waiting = useRef<((helpers: ChatEngineHelpers) => void)[]>([]);
  const onChange = useCallback((helpers: ChatEngineHelpers) => {
    current.current = helpers;
    setLoaded(helpers);
    const waiters = waiting.current;
    waiting.current = [];
    for (const resolve of waiters) resolve(helpers);
  }, []);
  const ready = useCallback((): Promise<ChatEngineHelpers> => {
    if (current.current) return Promise.resolve(current.current);
    setMounted(true);
    return new Promise((resolve) => waiting.current.push(resolve));
  }, []);
  const setMessages = useCallback((update: SetStateAction<ChatUIMessage[]>) => {
    if (current.current) current.current.setMessages(update);
    else setEarlyMessages(update);
  }, []);
  const sendMessage = useCallback<ChatEngineHelpers["sendMessage"]>(async (...args) => (await ready()).sendMessage(...args), [ready]);
  const regenerate = useCallback<ChatEngineHelpers["regenerate"]>(async (...args) => (await ready()).regenerate(...args), [ready]);
  const clearError = useCallback(() => current.current?.clearError(), []);
  const stop = useCallback(async () => current.current?.stop(), []);
  return {
    mounted,
    mountMessages: earlyMessages,
    onChange,
    messages: loaded?.messages ?? earlyMessages,
    status: loaded?.status ?? "ready",
    error: loaded?.error,
    setMessages,
    sendMessage,
    regenerate,
    clearError,
    stop,
  };
}
