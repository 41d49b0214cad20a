import type { Element, ElementContent } from "hast";

/** The text inside a hast node. */
export function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

/** The class names of an element. */
export function classesOf(node: Element): string[] {
  const classes = node.properties.className;
  return Array.isArray(classes) ? classes.map(String) : [];
}

/** The <code> inside a <pre>, if any. */
export function codeChild(pre: Element | undefined): Element | undefined {
  return pre?.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
}
