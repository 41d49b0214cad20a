import { describe, expect, it } from "vitest";
import { NdjsonSplitter } from "@/lib/ai/providers/ndjson-splitter";
import { type SseEvent, SseParser } from "@/lib/ai/providers/sse-parser";

function parseInPieces(text: string, size: number): { events: SseEvent[]; parser: SseParser } {
  const parser = new SseParser();
  const events: SseEvent[] = [];
  for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
  events.push(...parser.end());
  return { events, parser };
}

describe("SseParser", () => {
  it("reads `data:` with and without the space, whatever the chunk boundaries", () => {
    const wire = 'data:{"a":1}\n\ndata: {"b":2}\n\ndata:[DONE]\n\n';
    for (const size of [1, 2, 3, 7, wire.length]) {
      expect(parseInPieces(wire, size).events.map((e) => e.data)).toEqual(['{"a":1}', '{"b":2}', "[DONE]"]);
    }
  });

  it("skips keep-alive comments and counts them", () => {
    const { events, parser } = parseInPieces(":\n\n: ping\n\ndata:x\n\n:\n\n", 1);

    expect(events.map((e) => e.data)).toEqual(["x"]);
    expect(parser.comments).toBe(3);
  });

  it("accepts CRLF and CR line ends, including a CRLF split across chunks", () => {
    expect(parseInPieces("data: one\r\n\r\ndata: two\r\rdata: three\n\n", 1).events.map((e) => e.data)).toEqual(["one", "two", "three"]);
  });

  it("joins multi-line data with newlines and keeps the event name", () => {
    const { events } = parseInPieces("event: message\ndata: a\ndata: b\n\n", 4);

    expect(events).toEqual([{ data: "a\nb", event: "message", extra: {} }]);
  });

  it("keeps llama.cpp's non-standard `error: {json}` line", () => {
    const { events } = parseInPieces('data: {"x":1}\n\nerror: {"code":500,"message":"boom"}\n\n', 5);

    expect(events[1]).toEqual({ data: undefined, event: undefined, extra: { error: '{"code":500,"message":"boom"}' } });
  });

  it("delivers an unterminated last event at the end of the stream", () => {
    expect(parseInPieces('data:{"last":true}', 3).events.map((e) => e.data)).toEqual(['{"last":true}']);
  });
});

describe("NdjsonSplitter", () => {
  it("splits lines across chunk boundaries and skips blank lines", () => {
    const splitter = new NdjsonSplitter();
    const wire = '{"a":1}\n\n{"b":2}\r\n{"c":3}';
    const lines: string[] = [];
    for (const char of wire) lines.push(...splitter.push(char));
    lines.push(...splitter.end());

    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });
});
