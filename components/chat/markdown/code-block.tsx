import type { Element } from "hast";
import { CopyCodeButton } from "./copy-code-button";
import { classesOf, textOf } from "./hast-text";
import { HighlightedCode } from "./highlighted-code";

/** A fenced code block: its language, a Copy button, and the code, highlighted. */
export function CodeBlock({ code }: { code: Element | undefined }) {
  const language = code ? languageOf(code) : null;
  const text = code ? textOf(code).replace(/\n$/, "") : "";
  return (
    <div className="chat-code-block">
      <div className="flex h-8 items-center justify-between border-b pr-1.5 pl-3">
        <span className="font-mono text-xs text-muted-foreground">{language ?? "text"}</span>
        <CopyCodeButton code={text} />
      </div>
      <pre>
        <HighlightedCode code={text} language={language} />
      </pre>
    </div>
  );
}

function languageOf(code: Element): string | null {
  const match = classesOf(code).find((name) => name.startsWith("language-"));
  return match ? match.slice("language-".length).toLowerCase() : null;
}
