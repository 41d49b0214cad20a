// CSV cells for spreadsheets: a cell starting with =, +, -, @, a tab or a carriage return would be run as a formula
// by Excel or LibreOffice (CSV injection), so it gets a leading apostrophe; every cell is quoted.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
