import { afterEach, describe, expect, it, vi } from "vitest";
import { answerBeingWritten, stopAnswer } from "@/components/chat/use-stop-answer";
import type { ChatUIMessage } from "@/lib/chat/types";

// Stop in the chat: the server first, then the local stream. The stopped answer's end often reaches the browser before
// the server's reply to the stop, Send is back at once, and a message sent in between must keep its answer.

const CONVERSATION = "c0ffee00-0000-4000-8000-000000000001";

const question = (id: string): ChatUIMessage => ({ id, role: "user", parts: [{ type: "text", text: "Why is the sky blue?" }] });
const answer = (id: string, status?: "streaming" | "stopped" | "complete"): ChatUIMessage => ({
  id,
  role: "assistant",
  parts: [{ type: "text", text: "The sky is blue because" }],
  ...(status ? { metadata: { createdAt: "2026-12-05T12:00:00.000Z", status } } : {}),
});

/** The server's reply to the stop arrives when `reply` is called. */
function stopEndpoint() {
  let reply: () => void = () => {};
  const replied = new Promise<Response>((resolve) => {
    reply = () => resolve(Response.json({ stopped: true }));
  });
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => replied);
  vi.stubGlobal("fetch", fetch);
  return { fetch, reply };
}

afterEach(() => vi.unstubAllGlobals());

describe("stopAnswer", () => {
  it("stops the answer on the server, by its id, then the local stream, and marks it stopped", async () => {
    const { fetch, reply } = stopEndpoint();
    let messages = [question("q1"), answer("a1", "streaming")];
    const stopLocalStream = vi.fn(async () => {});
    const stopping = stopAnswer({
      conversationId: CONVERSATION,
      messages: () => messages,
      requestsSent: () => 1,
      stopLocalStream,
      setMessages: (update) => {
        messages = update(messages);
      },
    });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(fetch.mock.calls[0]?.[0]).toBe(`/api/chat/${CONVERSATION}/stop?messageId=a1`);
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ method: "POST" });
    expect(stopLocalStream).not.toHaveBeenCalled();
    reply();
    await stopping;
    expect(stopLocalStream).toHaveBeenCalledTimes(1);
    expect(messages.at(-1)?.metadata?.status).toBe("stopped");
  });

  it("leaves alone the answer to a message sent before the server confirmed the stop", async () => {
    const { reply } = stopEndpoint();
    let sent = 1;
    let messages = [question("q1"), answer("a1", "streaming")];
    const stopLocalStream = vi.fn(async () => {});
    const stopping = stopAnswer({
      conversationId: CONVERSATION,
      messages: () => messages,
      requestsSent: () => sent,
      stopLocalStream,
      setMessages: (update) => {
        messages = update(messages);
      },
    });
    // The stopped answer's end came first (Send is back), and the next message went out with its answer streaming.
    messages = [question("q1"), answer("a1", "stopped"), question("q2"), answer("a2", "streaming")];
    sent += 1;
    reply();
    await stopping;
    expect(stopLocalStream).not.toHaveBeenCalled();
    expect(messages.at(-1)?.metadata?.status).toBe("streaming");
  });

  it("stops every answer of the conversation while the browser knows no answer id yet", async () => {
    const { fetch, reply } = stopEndpoint();
    reply();
    const stopLocalStream = vi.fn(async () => {});
    await stopAnswer({ conversationId: CONVERSATION, messages: () => [question("q1")], requestsSent: () => 1, stopLocalStream, setMessages: () => {} });
    expect(fetch.mock.calls[0]?.[0]).toBe(`/api/chat/${CONVERSATION}/stop`);
    expect(stopLocalStream).toHaveBeenCalledTimes(1);
  });
});

describe("answerBeingWritten", () => {
  it("is the last answer while it streams (or has no status yet), else none", () => {
    expect(answerBeingWritten([question("q1"), answer("a1", "streaming")])).toBe("a1");
    expect(answerBeingWritten([question("q1"), answer("a1")])).toBe("a1");
    expect(answerBeingWritten([question("q1"), answer("a1", "complete")])).toBeUndefined();
    expect(answerBeingWritten([question("q1")])).toBeUndefined();
    expect(answerBeingWritten([])).toBeUndefined();
  });
});
