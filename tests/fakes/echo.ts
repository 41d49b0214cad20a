/** Put this in a prompt to get back, as the streamed answer, whatever follows it: tests choose the exact (Markdown) reply. */
export const ECHO_PHRASE = "[[fake:echo]]";

/**
 * The text after the echo phrase in the request, whatever the protocol's shape (messages, prompt, inputs): the last
 * string in the JSON body that holds the phrase. Undefined when the request has none.
 */
export function echoedText(json: unknown): string | undefined {
  let found: string | undefined;
  const visit = (value: unknown) => {
    if (typeof value === "string") {
      const at = value.lastIndexOf(ECHO_PHRASE);
      if (at >= 0) found = value.slice(at + ECHO_PHRASE.length).replace(/^[ \t]*\n?/, "");
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(visit);
  };
  visit(json);
  return found;
}

/** Splits a reply into streamed tokens the way the fakes do: each word with the whitespace before it. */
export function replyTokens(reply: string): string[] {
  return reply.match(/\s*\S+/g) ?? [reply];
}
