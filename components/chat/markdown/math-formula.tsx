"use client";

import { useEffect, useMemo, useState } from "react";
import { loadedKatex, loadKatex } from "./katex-loader";

/**
 * A LaTeX formula, typeset by KaTeX (the version whose stylesheet globals.css loads); its source until KaTeX has
 * loaded. KaTeX's HTML is safe to insert: with trust off, \href, \url, \includegraphics and \html* are refused, and
 * errors show as escaped source.
 */
export function MathFormula({ tex, display }: { tex: string; display: boolean }) {
  const [katex, setKatex] = useState(loadedKatex);
  useEffect(() => {
    if (!katex) void loadKatex().then(setKatex);
  }, [katex]);
  const html = useMemo(
    () => katex?.renderToString(tex, { displayMode: display, throwOnError: false, trust: false, strict: false, output: "htmlAndMathml" }) ?? null,
    [katex, tex, display],
  );
  const Tag = display ? "div" : "span";
  const className = display ? "chat-math-display" : undefined;
  if (html === null) return <Tag className={className}>{tex}</Tag>;
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
