import { memo } from "react";
import Markdown, { type Components, type Options } from "react-markdown";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { CodeBlock } from "./code-block";
import { classesOf, codeChild, textOf } from "./hast-text";
import { remarkHtmlAsText } from "./html-as-text";
import { MarkdownImage } from "./markdown-image";
import { MarkdownLink } from "./markdown-link";
import { MathFormula } from "./math-formula";
import { safeLinkUrl } from "./safe-url";

// remark-math marks formulas as code with the class math-inline or math-display; the components below typeset them.
const REMARK_PLUGINS: Options["remarkPlugins"] = [remarkGfm, remarkMath, remarkHtmlAsText];

const COMPONENTS: Components = {
  a: ({ node: _node, ...props }) => <MarkdownLink {...props} />,
  img: ({ node: _node, ...props }) => <MarkdownImage {...props} />,
  code: ({ node, children }) =>
    node && classesOf(node).includes("math-inline") ? <MathFormula tex={textOf(node)} display={false} /> : <code>{children}</code>,
  pre: ({ node }) => {
    const code = codeChild(node);
    return code && classesOf(code).includes("math-display") ? <MathFormula tex={textOf(code)} display /> : <CodeBlock code={code} />;
  },
  table: ({ node: _node, ...props }) => (
    <div className="chat-table">
      <table {...props} />
    </div>
  ),
};

// Links are checked here and again by MarkdownLink; images are left to MarkdownImage's host policy.
const urlTransform: Options["urlTransform"] = (url, key) => (key === "src" ? url : safeLinkUrl(url));

/** One top-level block of an answer. Memoised on its text: while an answer streams, finished blocks never re-render. */
export const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  return (
    <Markdown remarkPlugins={REMARK_PLUGINS} components={COMPONENTS} urlTransform={urlTransform}>
      {text}
    </Markdown>
  );
});
