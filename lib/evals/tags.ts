import { EVAL_SET_LIMITS } from "./eval-item";

/** Tags from a JSON value (a string or a list of strings) or a CSV cell ("fr; translation"): trimmed, unique. */
export function readTags(value: unknown): string[] | string {
  if (value === undefined || value === null || value === "") return [];
  const list = typeof value === "string" ? value.split(/[;|]/) : Array.isArray(value) ? value : null;
  if (!list || list.some((tag) => typeof tag !== "string")) return '"tags" must be a string or a list of strings';
  const tags = [...new Set((list as string[]).map((tag) => tag.trim()).filter((tag) => tag !== ""))];
  if (tags.length > EVAL_SET_LIMITS.maxTags) return `at most ${EVAL_SET_LIMITS.maxTags} tags per item`;
  if (tags.some((tag) => tag.length > EVAL_SET_LIMITS.maxTagLength)) return `a tag has at most ${EVAL_SET_LIMITS.maxTagLength} characters`;
  return tags;
}
