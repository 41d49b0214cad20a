import type { ElementContent, RootContent } from "hast";
import { type ReactNode, useMemo } from "react";
import { highlighter } from "./highlighter";

/** The code, coloured when its language is one the highlighter knows (hljs-* classes, styled in globals.css). */
export function HighlightedCode({ code, language }: { code: string; language: string | null }) {
  const content = useMemo(() => {
    if (!language || !highlighter.registered(language)) return code;
    return highlighter.highlight(language, code).children.map(toReact);
  }, [code, language]);
  return <code className={language ? `hljs language-${language}` : "hljs"}>{content}</code>;
}

// lowlight's output holds only spans with classes and text, so a few lines replace a general hast renderer.
function toReact(node: RootContent | ElementContent, index: number): ReactNode {
  if (node.type === "text") return node.value;
  if (node.type !== "element") return null;
  const className = node.properties.className;
  return (
    <span key={index} className={Array.isArray(className) ? className.join(" ") : undefined}>
      {node.children.map(toReact)}
    </span>
  );
}
