export interface SseEvent {
  /** `data` lines joined with "\n"; undefined when the event had none. */
  data: string | undefined;
  event: string | undefined;
  /**
   * Fields outside the SSE spec, kept because llama.cpp reports mid-stream failures as an `error: {json}` line,
   * which a spec-following parser would silently drop.
   */
  extra: Record<string, string>;
}

/**
 * Incremental SSE parser. Accepts `data:x` and `data: x` (TGI/axum omit the space), CRLF/CR/LF line ends,
 * and skips comment lines (`:` keep-alives). An unterminated last event is still delivered by `end()`.
 */
export class SseParser {
  private buffer = "";
  private data: string[] = [];
  private event: string | undefined;
  private extra: Record<string, string> = {};
  private hasFields = false;
  /** Comment lines seen so far (keep-alives). */
  comments = 0;

  push(text: string): SseEvent[] {
    this.buffer += text;
    const events: SseEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) break;
      // A lone "\r" at the end may be the first half of "\r\n": wait for more input.
      if (match[0] === "\r" && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  end(): SseEvent[] {
    const events: SseEvent[] = [];
    if (this.buffer.length > 0) {
      const event = this.line(this.buffer);
      this.buffer = "";
      if (event) events.push(event);
    }
    const last = this.dispatch();
    if (last) events.push(last);
    return events;
  }

  private line(line: string): SseEvent | undefined {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) {
      this.comments += 1;
      return undefined;
    }
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    this.hasFields = true;
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
    else if (field !== "id" && field !== "retry") this.extra[field] = value;
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    if (!this.hasFields) return undefined;
    const event: SseEvent = {
      data: this.data.length > 0 ? this.data.join("\n") : undefined,
      event: this.event,
      extra: this.extra,
    };
    this.data = [];
    this.event = undefined;
    this.extra = {};
    this.hasFields = false;
    return event.data === undefined && Object.keys(event.extra).length === 0 ? undefined : event;
  }
}
