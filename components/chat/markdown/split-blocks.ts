/**
 * Splits Markdown into top-level blocks that render the same one by one as together, so a streaming answer only
 * re-parses its last, growing block. A blank line ends a block, except inside a code fence or a `$$` math block,
 * before an indented line (list continuation, indented code) or between items of a list.
 * Splitting too little only costs speed; splitting too much changes the rendering, so every doubt keeps a block whole.
 */
export function splitMarkdownBlocks(text: string): string[] {
  // Link and footnote definitions reach across blocks: such (rare) answers stay one block.
  if (DEFINITION.test(text)) return text.trim() ? [text] : [];

  const blocks: string[] = [];
  let current: string[] = [];
  let blankLines = 0;
  let fence: Fence | null = null;

  const flush = () => {
    if (current.length > 0) blocks.push(current.join("\n"));
    current = [];
  };

  for (const line of text.split("\n")) {
    if (fence) {
      current.push(line);
      if (closesFence(fence, line)) fence = null;
      continue;
    }
    if (isBlank(line)) {
      if (current.length > 0) blankLines += 1;
      continue;
    }
    if (blankLines > 0) {
      if (continuesBlock(current, line)) current.push(...Array<string>(blankLines).fill(""));
      else flush();
      blankLines = 0;
    }
    current.push(line);
    fence = opensFence(line);
  }
  flush();
  return blocks;
}

type Fence = { kind: "code"; marker: string } | { kind: "math" };

const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
const CODE_FENCE = /^\s*(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function opensFence(line: string): Fence | null {
  const code = CODE_FENCE.exec(line);
  // A backtick fence's info string cannot contain a backtick (then it is inline code).
  if (code?.[1] && !(code[1].startsWith("`") && code[2]?.includes("`"))) return { kind: "code", marker: code[1] };
  const trimmed = line.trim();
  if (trimmed.startsWith("$$") && !trimmed.slice(2).includes("$$")) return { kind: "math" };
  return null;
}

function closesFence(fence: Fence, line: string): boolean {
  const trimmed = line.trim();
  if (fence.kind === "math") return trimmed.endsWith("$$");
  return trimmed.startsWith(fence.marker) && /^(`+|~+)$/.test(trimmed) && trimmed[0] === fence.marker[0];
}

function continuesBlock(current: string[], next: string): boolean {
  if (/^\s/.test(next)) return true;
  return LIST_ITEM.test(next) && current.some((line) => LIST_ITEM.test(line));
}
