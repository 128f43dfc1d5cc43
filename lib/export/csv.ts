/**
 * Writing CSV cells safely (RFC 4180 quoting plus spreadsheet formula neutralisation), shared by
 * every CSV export (catalog, comparison).
 *
 * Formula injection: Excel, LibreOffice and Google Sheets read a cell starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return as a formula, so a workload or scenario named `=HYPERLINK(…)`
 * would run in the reader's spreadsheet. OWASP's remedy is to prefix such a *text* cell with a
 * single quote, which spreadsheets show as text:
 * https://owasp.org/www-community/attacks/CSV_Injection
 *
 * Decision: only text cells are neutralised. Numbers are written by {@link csvField} from a
 * `number`, never from a string, so `-250` in a numeric column stays a number a spreadsheet can sum,
 * while the *text* `-250` (e.g. a name) becomes `'-250`. A text cell that already starts with a
 * quote followed by a trigger or a quote is prefixed too, so {@link restoreCsvText} (used by the catalog
 * importer) gives back exactly what was exported.
 */

/** A cell to write: text (neutralised), a finite number (written as is), or empty. */
export type CsvCell = string | number | null | undefined;

/** A first character that makes a spreadsheet read a cell as a formula (OWASP, CSV Injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A text that starts with the neutralising quote: followed by a trigger, or by another quote. */
const QUOTE_PREFIXED = /^'[=+\-@\t\r']/;

/**
 * A text cell a spreadsheet will not evaluate: prefixed with `'` when it starts with a formula
 * trigger, or with `'` followed by one (so the prefix can be undone unambiguously).
 * @example neutraliseCsvText("=1+1") //=> "'=1+1"
 * @example neutraliseCsvText("web-tier") //=> "web-tier"
 */
export function neutraliseCsvText(text: string): string {
  return FORMULA_START.test(text) || QUOTE_PREFIXED.test(text) ? `'${text}` : text;
}

/**
 * The inverse of {@link neutraliseCsvText}, for importers reading a file this app exported.
 * @example restoreCsvText("'=1+1") //=> "=1+1"
 */
export function restoreCsvText(text: string): string {
  return QUOTE_PREFIXED.test(text) ? text.slice(1) : text;
}

/** One RFC 4180 field: quoted when it holds a quote, comma or line break. */
export function quoteCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * One CSV field from a cell: text neutralised then quoted, numbers in JavaScript's shortest
 * round-trip form, null/undefined empty.
 * @example csvField("=cmd") //=> "'=cmd"
 * @example csvField(-5) //=> "-5"
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  return quoteCsvField(neutraliseCsvText(cell));
}

/** One CRLF-terminated CSV record. */
export function csvRecord(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}
