// CSV that spreadsheets open safely: RFC 4180 quoting, and any cell a spreadsheet would run as a
// formula (starting with = + - @, tab or carriage return) prefixed with an apostrophe, as OWASP
// advises against CSV injection. Numbers are written by the caller as numbers, so they pass.
export type Cell = string | number | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
