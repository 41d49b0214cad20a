import type katexModule from "katex";

type Katex = typeof katexModule;

let loaded: Katex | null = null;
let loading: Promise<Katex> | null = null;

// KaTeX is the largest part of the Markdown renderer (~260 kB): it loads with the first formula, not with the page.
export function loadKatex(): Promise<Katex> {
  loading ??= import("katex").then((module) => (loaded = module.default));
  return loading;
}

/** KaTeX if it has loaded already. The server never loads it (effects do not run there), so it renders the source. */
export function loadedKatex(): Katex | null {
  return loaded;
}
