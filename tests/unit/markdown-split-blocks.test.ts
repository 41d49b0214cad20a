import { describe, expect, it } from "vitest";
import { splitMarkdownBlocks } from "@/components/chat/markdown/split-blocks";

describe("splitMarkdownBlocks", () => {
  it("splits paragraphs, headings and tables at blank lines", () => {
    const text = "# Title\n\nFirst paragraph\nstill first.\n\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nLast.";
    expect(splitMarkdownBlocks(text)).toEqual(["# Title", "First paragraph\nstill first.", "| a | b |\n| - | - |\n| 1 | 2 |", "Last."]);
  });

  it("gives nothing for empty or blank text", () => {
    expect(splitMarkdownBlocks("")).toEqual([]);
    expect(splitMarkdownBlocks("\n\n  \n")).toEqual([]);
  });

  it("keeps a code fence whole, blank lines and all", () => {
    const fence = "```python\ndef f():\n\n    return 1\n\n\nprint(f())\n```";
    expect(splitMarkdownBlocks(`Before\n\n${fence}\n\nAfter`)).toEqual(["Before", fence, "After"]);
  });

  it("closes a fence only with the same character, at least as long, and nothing after it", () => {
    const fence = "````md\n```js\n\nnot the end\n```\n~~~\n\n```` still inside\n````";
    expect(splitMarkdownBlocks(`${fence}\n\nAfter`)).toEqual([fence, "After"]);
    const tilde = "~~~\na\n\n```\n\nb\n~~~";
    expect(splitMarkdownBlocks(`${tilde}\n\nc`)).toEqual([tilde, "c"]);
  });

  it("keeps an unclosed fence (an answer still streaming) as one last block", () => {
    const text = "Intro\n\n```ts\nconst a = 1;\n\nconst b = 2;\n\n";
    expect(splitMarkdownBlocks(text)).toEqual(["Intro", "```ts\nconst a = 1;\n\nconst b = 2;\n\n"]);
  });

  it("does not take inline code with backticks for a fence", () => {
    expect(splitMarkdownBlocks("```inline``` code\n\nnext")).toEqual(["```inline``` code", "next"]);
  });

  it("keeps a $$ math block whole, and an unclosed one to the end", () => {
    const math = "$$\na = b\n\n+ c\n$$";
    expect(splitMarkdownBlocks(`Sum:\n\n${math}\n\nDone.`)).toEqual(["Sum:", math, "Done."]);
    expect(splitMarkdownBlocks("Sum:\n\n$$\na\n\nb")).toEqual(["Sum:", "$$\na\n\nb"]);
    expect(splitMarkdownBlocks("$$x$$\n\nnext")).toEqual(["$$x$$", "next"]);
  });

  it("keeps a loose list together, with its indented continuations", () => {
    const list = "1. First\n\n   More about the first.\n\n2. Second\n\n       indented code\n\n3. Third";
    expect(splitMarkdownBlocks(`${list}\n\nAfter the list.`)).toEqual([list, "After the list."]);
    const bullets = "Intro:\n- a\n\n- b\n  - nested\n\n* c";
    expect(splitMarkdownBlocks(bullets)).toEqual([bullets]);
  });

  it("starts a new block for a list after a paragraph, and a paragraph after a list", () => {
    expect(splitMarkdownBlocks("Para\n\n- a\n- b\n\nPara")).toEqual(["Para", "- a\n- b", "Para"]);
  });

  it("keeps the number of blank lines inside a continued block", () => {
    expect(splitMarkdownBlocks("    code\n\n\n    more")).toEqual(["    code\n\n\n    more"]);
  });

  it("keeps text with link or footnote definitions whole, as they reach across blocks", () => {
    const text = "See [the docs][1] and this[^note].\n\nMore.\n\n[1]: https://example.com\n[^note]: A note.";
    expect(splitMarkdownBlocks(text)).toEqual([text]);
  });

  it("only ever grows or appends blocks while text streams in", () => {
    const text = "# T\n\nSome *text* here.\n\n```js\nlet a = 1;\n\nlet b;\n```\n\n- x\n\n- y\n\n$$\nx^2\n$$\n\nEnd.";
    let previous: string[] = [];
    for (let end = 1; end <= text.length; end += 1) {
      const blocks = splitMarkdownBlocks(text.slice(0, end));
      // Every block but the last one before this step is unchanged, or the streaming one has grown.
      for (const [index, block] of previous.slice(0, -1).entries()) {
        expect(blocks[index] === block || blocks[index]?.startsWith(block), `step ${end}, block ${index}`).toBe(true);
      }
      previous = blocks;
    }
    expect(previous).toEqual(["# T", "Some *text* here.", "```js\nlet a = 1;\n\nlet b;\n```", "- x\n\n- y", "$$\nx^2\n$$", "End."]);
  });
});
