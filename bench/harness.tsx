// Runs in the browser (bundled by bench/run.ts): mounts the chat's Markdown component and times it.
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import { loadKatex } from "@/components/chat/markdown/katex-loader";
import { MarkdownBlock } from "@/components/chat/markdown/markdown-block";
import { MessageMarkdown } from "@/components/chat/markdown/message-markdown";
import { MessageList } from "@/components/chat/message-list";
import type { ChatUIMessage } from "@/lib/chat/types";

type Message = { role: "user" | "assistant"; text: string };

/** Resolves after the next frame has been painted (a message posted from rAF runs after the paint). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
}

/** Yields to the event loop without the 4 ms clamp of nested timers. */
function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function freshRoot(): { root: Root; container: HTMLElement } {
  document.body.replaceChildren();
  const container = document.createElement("main");
  container.style.cssText = "max-width: 48rem; margin: 0 auto; font: 15px/1.75 system-ui, sans-serif;";
  document.body.append(container);
  return { root: createRoot(container), container };
}

function longTaskCounter(): () => number {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: "longtask" });
  return () => {
    entries.push(...observer.takeRecords());
    observer.disconnect();
    return entries.length;
  };
}

/**
 * Appends the tokens one by one and times each update: React render and commit plus the style and layout it causes
 * (forced by reading offsetHeight). "blocks" is the chat's component; "whole" re-parses the full text each time.
 */
async function stream(tokens: string[], variant: "blocks" | "whole", every = 1) {
  const { root, container } = freshRoot();
  const longTasks = longTaskCounter();
  const perToken: number[] = [];
  let text = "";
  for (const [index, token] of tokens.entries()) {
    text += token;
    if ((index + 1) % every !== 0 && index !== tokens.length - 1) continue;
    const started = performance.now();
    flushSync(() =>
      root.render(
        variant === "blocks" ? (
          <MessageMarkdown text={text} />
        ) : (
          <div className="chat-markdown">
            <MarkdownBlock text={text} />
          </div>
        ),
      ),
    );
    void container.offsetHeight;
    perToken.push(performance.now() - started);
    await yieldTask();
  }
  await afterPaint();
  const result = { perToken, longTasks: longTasks(), chars: text.length, codeBlocks: container.querySelectorAll("pre").length };
  root.unmount();
  return result;
}

/** Renders a whole conversation at once, as opening it does, and times it up to the first paint. */
async function openConversation(messages: Message[]) {
  const { root, container } = freshRoot();
  await afterPaint();
  const started = performance.now();
  flushSync(() =>
    root.render(
      <>
        {messages.map((message, index) =>
          message.role === "user" ? (
            <article key={index} style={{ whiteSpace: "pre-wrap", textAlign: "right" }}>
              {message.text}
            </article>
          ) : (
            <article key={index}>
              <MessageMarkdown text={message.text} />
            </article>
          ),
        )}
      </>,
    ),
  );
  const committed = performance.now();
  void container.offsetHeight;
  const laidOut = performance.now();
  await afterPaint();
  const painted = performance.now();
  const result = {
    commitMs: committed - started,
    layoutMs: laidOut - committed,
    firstPaintMs: painted - started,
    articles: container.querySelectorAll("article").length,
  };
  root.unmount();
  return result;
}

/** Opens the conversation in the chat's own message list, as the conversation page does, timed up to the first paint. */
async function openMessageList(messages: Message[]) {
  const { root, container } = freshRoot();
  const uiMessages: ChatUIMessage[] = messages.map((message, index) => ({
    id: `m${index}`,
    role: message.role,
    parts: [{ type: "text", text: message.text, state: "done" }],
    metadata: { createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(), status: "complete" },
  }));
  await afterPaint();
  const started = performance.now();
  flushSync(() => root.render(<MessageList messages={uiMessages} status="ready" error={undefined} models={[]} modelId="bench" />));
  const committed = performance.now();
  void container.offsetHeight;
  const laidOut = performance.now();
  await afterPaint();
  const painted = performance.now();
  const result = {
    commitMs: committed - started,
    layoutMs: laidOut - committed,
    firstPaintMs: painted - started,
    articles: container.querySelectorAll("article").length,
  };
  root.unmount();
  return result;
}

// KaTeX loads with the first formula in the app; here before timing, so every run typesets formulas the same way.
void loadKatex().then(() => Object.assign(window, { bench: { stream, openConversation, openMessageList } }));
