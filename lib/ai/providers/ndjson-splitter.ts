/** Splits an NDJSON byte stream (already decoded to text) into non-empty lines, whatever the chunk boundaries. */
export class NdjsonSplitter {
  private buffer = "";

  push(text: string): string[] {
    this.buffer += text;
    const parts = this.buffer.split(/\r?\n/);
    this.buffer = parts.pop() ?? "";
    return parts.filter((line) => line.trim() !== "");
  }

  end(): string[] {
    const rest = this.buffer.trim();
    this.buffer = "";
    return rest === "" ? [] : [rest];
  }
}
