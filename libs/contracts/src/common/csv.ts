/**
 * The CSV the API answers with `Accept: text/csv` (the activity report's agency table, the audit export): UTF-8
 * with a byte-order mark, CRLF line ends, RFC 4180 quoting.
 */

/** A byte-order mark: without it Excel reads UTF-8 as the local code page and mangles the diacritics. */
export const CSV_BOM = '\uFEFF';

/**
 * One cell, quoted as RFC 4180 says; a text starting like a formula (=, +, -, @) is prefixed with an apostrophe so
 * that a spreadsheet shows it rather than runs it.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, CRLF-terminated. */
export function csvLine(values: ReadonlyArray<string | number>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
