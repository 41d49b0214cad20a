import type { Nodes, Root } from "mdast";

/**
 * Remark plugin: HTML written in an answer is shown as the text it is, never rendered, so a model (or a prompt
 * injection) cannot add elements, scripts or event handlers to the page.
 */
export function remarkHtmlAsText() {
  return (tree: Root) => {
    showHtmlAsText(tree);
  };
}

function showHtmlAsText(node: Nodes): void {
  if (!("children" in node)) return;
  node.children = node.children.map((child) => {
    if (child.type !== "html") {
      showHtmlAsText(child);
      return child;
    }
    return { type: "text", value: child.value, position: child.position };
  }) as typeof node.children;
}
