import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { loadKatex } from "@/components/chat/markdown/katex-loader";
import { MessageMarkdown } from "@/components/chat/markdown/message-markdown";

const render = (text: string, allowedImageHosts?: string[]) => renderToStaticMarkup(createElement(MessageMarkdown, { text, allowedImageHosts }));

describe("MessageMarkdown", () => {
  // Formulas are typeset once KaTeX has loaded (in the browser, the first formula loads it).
  beforeAll(() => loadKatex());

  it("renders GFM: headings, lists, tables, strikethrough, task lists, inline code", () => {
    const html = render("## Plan\n\n- one\n- ~~two~~\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\nUse `npm test`.");
    expect(html).toContain("<h2>Plan</h2>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<del>two</del>");
    expect(html).toMatch(/<div class="chat-table"><table>.*<td>1<\/td>/);
    expect(html).toMatch(/<input type="checkbox" disabled="" checked=""\/> done/);
    expect(html).toContain("<code>npm test</code>");
  });

  it("renders a fenced block highlighted, with its language and a Copy button", () => {
    const html = render("```ts\nconst answer: number = 42;\n```");
    expect(html).toContain('class="hljs language-ts"');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('aria-label="Copy code"');
    expect(html).toContain(">ts</span>");
  });

  it("shows code in an unknown language as it is", () => {
    const html = render("```brainfuck\n+[<b>]\n```");
    expect(html).toContain("+[&lt;b&gt;]");
    expect(html).not.toContain("hljs-");
  });

  it("shows a formula's source until KaTeX has loaded", async () => {
    vi.resetModules();
    const fresh = await import("@/components/chat/markdown/message-markdown");
    const html = renderToStaticMarkup(createElement(fresh.MessageMarkdown, { text: "Area: $\\pi r^2$" }));
    expect(html).toContain("<span>\\pi r^2</span>");
  });

  it("renders LaTeX, inline and display", () => {
    const html = render("Euler: $e^{i\\pi} + 1 = 0$\n\n$$\n\\int_0^1 x\\,dx = \\frac{1}{2}\n$$");
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain("math-inline");
  });

  it("refuses LaTeX commands that link, load or inject HTML", () => {
    const html = render("$\\href{javascript:alert(1)}{x}$ $\\url{https://example.com}$ $\\includegraphics{https://example.com/a.png}$ $\\htmlClass{x}{y}$");
    expect(html).toContain('mathcolor="#cc0000"><mtext>\\href</mtext>');
    expect(html).not.toMatch(/<a |<img |href=|src=/);
  });

  it("shows HTML as text: no element, no script, no event handler", () => {
    const html = render('<script>window.hacked = 1</script>\n\nHi <img src=x onerror="alert(1)"> <b>bold</b>\n\n<div onclick="x()">\n\nblock\n</div>');
    expect(html).not.toMatch(/<script|<img|<b>|<div onclick/i);
    expect(html).toContain("&lt;script&gt;window.hacked = 1&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "/relative",
  ])("makes a %s link plain text", (url) => {
    const html = render(`[click](${url}) and <${url}>`);
    expect(html).not.toContain("href");
    expect(html).toContain('<span class="chat-inert-link">click</span>');
  });

  it("opens http, https and mailto links in a new tab without opener or referrer", () => {
    const html = render("[a](https://example.com/x) [b](http://example.com) [c](mailto:someone@example.com) www.example.org");
    expect(html.match(/target="_blank" rel="noopener noreferrer"/g)).toHaveLength(4);
    expect(html).toContain('href="https://example.com/x"');
    expect(html).toContain('href="mailto:someone@example.com"');
  });

  it("blocks images from other hosts, shows the app's own and allowed ones", () => {
    const blocked = render("![chart](https://tracker.example.com/pixel.png?u=1)");
    expect(blocked).not.toContain("<img");
    expect(blocked).toContain("chart: Image from tracker.example.com blocked");

    expect(render("![](data:image/png;base64,iVBORw0KGgo=)")).toContain("Image blocked");
    expect(render("![x](javascript:alert(1))")).not.toMatch(/<img|javascript/);
    expect(render("![logo](/logo.png)")).toContain('<img src="/logo.png" alt="logo"');
    expect(render("![c](https://cdn.example.com/c.png)", ["cdn.example.com"])).toContain('<img src="https://cdn.example.com/c.png"');
  });
});
