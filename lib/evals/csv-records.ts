export interface CsvRecord {
  /** The line the record starts on (1-based); a quoted cell may span lines. */
  line: number;
  cells: string[];
}

/**
 * RFC 4180 records: cells separated by commas, quoted with `"` (a doubled `""` inside is one quote), quoted cells may
 * hold commas and line breaks; CRLF or LF. Returns a message with the line instead when a quote is left open or a
 * quoted cell is followed by something other than a separator.
 */
export function readCsvRecords(text: string): CsvRecord[] | { line: number; message: string } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteOpenedOn = 0;
  let afterQuote = false;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]?.trim() === "")) records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
    afterQuote = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (char === "\n") line++;
        cell += char;
      }
      continue;
    }
    if (char === ",") {
      cells.push(cell);
      cell = "";
      afterQuote = false;
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (char === '"' && cell.trim() === "" && !afterQuote) {
      quoted = true;
      quoteOpenedOn = line;
      cell = "";
    } else if (afterQuote) {
      if (char !== " " && char !== "\t") return { line, message: "bad CSV: text after a closing quote (double a quote inside a quoted cell)" };
    } else {
      cell += char;
    }
  }
  if (quoted) return { line: quoteOpenedOn, message: "bad CSV: a quote opened here is never closed" };
  if (cell !== "" || cells.length > 0) endRecord();
  return records;
}
