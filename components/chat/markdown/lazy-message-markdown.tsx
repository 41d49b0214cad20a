"use client";

import { type ComponentProps, lazy, Suspense } from "react";

// The Markdown renderer (react-markdown, GFM, math, code highlighting) is most of the chat's own JavaScript, and a new
// chat shows no answer: it loads when the first answer is shown (or as soon as the user starts typing, see
// preloadMessageMarkdown), not with the page. A stored conversation's answers are rendered on the server meanwhile.

const loadRenderer = () => import("./message-markdown");
const Renderer = lazy(() => loadRenderer().then((module) => ({ default: module.MessageMarkdown })));

/** Starts loading the renderer (e.g. on the first keystroke), so the first answer does not wait for it. */
export function preloadMessageMarkdown(): void {
  void loadRenderer();
}

/** MessageMarkdown, loaded on first use; until it is there the text shows as written. */
export function LazyMessageMarkdown(props: ComponentProps<typeof Renderer>) {
  return (
    <Suspense fallback={<div className="whitespace-pre-wrap">{props.text}</div>}>
      <Renderer {...props} />
    </Suspense>
  );
}
