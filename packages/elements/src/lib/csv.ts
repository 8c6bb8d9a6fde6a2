/**
 * CSV export (RFC 4180): comma-separated, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break.
 */

export type CsvCell = string | number | boolean | null | undefined;

// A spreadsheet runs a cell that starts with one of these as a formula
// (OWASP "CSV injection"); route data is ours, but names and descriptions are not.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Strings that a spreadsheet would run as a formula get a
 * leading `'`; numbers are written as they are (negative numbers stay numbers).
 *
 * @example csvField('a,b') // '"a,b"'
 * @example csvField('=1+1') // "'=1+1"
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A whole CSV document: a header line, then one line per row, each ended by CRLF.
 *
 * @example toCsv(['CIDR', 'Status'], [['10.0.0.0/8', 'Active']]) // 'CIDR,Status\r\n10.0.0.0/8,Active\r\n'
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/**
 * Starts a download of `text` as a file, through a Blob URL that is revoked
 * afterwards. A UTF-8 byte-order mark goes first so that spreadsheet programs
 * read Chinese names correctly.
 *
 * @example downloadCsv('routes.csv', toCsv(['CIDR'], [['10.0.0.0/8']]));
 */
export function downloadCsv(filename: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  // In the page only for the click (never painted: it goes in the same task).
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
