import { type CsvCell, csvRecord, restoreCsvText } from '@/lib/export/csv';

import { type CatalogInstanceType, CatalogInstanceTypeSchema, InstanceEstimableFieldSchema } from './schema';

/**
 * CSV export and import of the instance catalog, for FinOps to edit prices in a spreadsheet.
 *
 * Format: RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): CRLF between records, fields that
 * contain a comma, a double quote, CR or LF are quoted, and a quote inside a quoted field is
 * doubled. The importer also accepts LF-only files and a leading UTF-8 byte-order mark, since
 * spreadsheets write both. `estimatedFields` is one cell with the field names joined by `|`.
 *
 * Import validates row by row and is all-or-nothing: any error means no items are returned.
 */

/**
 * Hardware columns that may be missing from a file (older exports) or empty in a row (the type has
 * no such figure). The three `localDisk*` cells describe one `localDisk` object: all set or all empty.
 */
export const OPTIONAL_HARDWARE_COLUMNS = [
  'networkBurstGbps',
  'blockBandwidthMibPerSec',
  'blockIops',
  'localDiskCount',
  'localDiskSizeGib',
  'localDiskNvme',
] as const;

type RequiredColumn = (typeof REQUIRED_COLUMNS)[number];
type OptionalColumn = (typeof OPTIONAL_HARDWARE_COLUMNS)[number];

/** Columns every imported file must have. */
const REQUIRED_COLUMNS = [
  'id',
  'provider',
  'region',
  'name',
  'family',
  'arch',
  'vcpu',
  'memoryGib',
  'networkGbps',
  'onDemandUsdPerHour',
  'spotDiscountRatio',
  'spotInterruptionBand',
  'source',
  'asOf',
  'estimate',
  'estimatedFields',
  'note',
] as const satisfies readonly (keyof CatalogInstanceType)[];

/** Column order of the exported file; the importer accepts the columns in any order. */
export const INSTANCE_CSV_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_HARDWARE_COLUMNS] as const;

type Column = RequiredColumn | OptionalColumn;

const NUMERIC_COLUMNS = new Set<Column>([
  'vcpu',
  'memoryGib',
  'networkGbps',
  'onDemandUsdPerHour',
  'spotDiscountRatio',
  'spotInterruptionBand',
]);

const OPTIONAL_NUMERIC_COLUMNS = new Set<Column>([
  'networkBurstGbps',
  'blockBandwidthMibPerSec',
  'blockIops',
  'localDiskCount',
  'localDiskSizeGib',
]);

const LOCAL_DISK_COLUMNS = ['localDiskCount', 'localDiskSizeGib', 'localDiskNvme'] as const;

const LIST_SEPARATOR = '|';

/** Where a row failed: `line` is the 1-based physical line the record starts on (the header is line 1). */
export type CsvRowError = { line: number; field: string; message: string };

export type CsvImportResult = { ok: true; items: CatalogInstanceType[] } | { ok: false; errors: CsvRowError[] };

/** `field` of an error that concerns a whole record rather than one column. */
export const ROW_FIELD = '(row)';

/**
 * Serialises instance types to RFC 4180 CSV with a header row.
 *
 * Numbers are written with JavaScript's shortest round-trip form, so importing the file gives back
 * exactly the same values. Text cells that a spreadsheet would read as a formula are neutralised
 * (lib/export/csv.ts) and restored by {@link importInstanceTypesCsv}.
 *
 * @example exportInstanceTypesCsv([]) //=> 'id,provider,…,note\r\n'
 */
export function exportInstanceTypesCsv(items: readonly CatalogInstanceType[]): string {
  const rows = items.map((item) => INSTANCE_CSV_COLUMNS.map((column) => formatCell(item, column)));
  return [INSTANCE_CSV_COLUMNS, ...rows].map(csvRecord).join('');
}

/**
 * Parses and validates a CSV of instance types.
 *
 * @returns every item when all rows are valid; otherwise every error found (line, field, message)
 *   and no items, so a file with one bad row imports nothing
 * @example importInstanceTypesCsv('id,provider\r\n').ok //=> false (missing columns)
 */
export function importInstanceTypesCsv(text: string): CsvImportResult {
  const parsed = parseCsv(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (parsed.kind === 'error') return { ok: false, errors: [parsed.error] };

  const [header, ...records] = parsed.records;
  if (header === undefined) return { ok: false, errors: [{ line: 1, field: ROW_FIELD, message: 'The file is empty.' }] };

  const headerErrors = checkHeader(header);
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors };

  const errors: CsvRowError[] = [];
  const items: CatalogInstanceType[] = [];
  const firstLineById = new Map<string, number>();
  for (const record of records) {
    if (record.fields.length !== header.fields.length) {
      errors.push({
        line: record.line,
        field: ROW_FIELD,
        message: `Expected ${header.fields.length} fields, found ${record.fields.length}.`,
      });
      continue;
    }
    const row = toRowObject(header.fields as Column[], record);
    errors.push(...row.errors);
    if (row.errors.length > 0) continue;

    const result = CatalogInstanceTypeSchema.safeParse(row.value);
    if (!result.success) {
      errors.push(
        ...result.error.issues.map((issue) => ({
          line: record.line,
          field: String(issue.path[0] ?? ROW_FIELD),
          message: issue.message,
        })),
      );
      continue;
    }
    const firstLine = firstLineById.get(result.data.id);
    if (firstLine !== undefined) {
      errors.push({ line: record.line, field: 'id', message: `Duplicate id "${result.data.id}" (first on line ${firstLine}).` });
      continue;
    }
    firstLineById.set(result.data.id, record.line);
    items.push(result.data);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, items };
}

function formatCell(item: CatalogInstanceType, column: Column): CsvCell {
  switch (column) {
    case 'estimatedFields':
      return item.estimatedFields.join(LIST_SEPARATOR);
    case 'note':
      return item.note;
    case 'localDiskCount':
      return item.localDisk?.count;
    case 'localDiskSizeGib':
      return item.localDisk?.sizeGib;
    case 'localDiskNvme':
      return item.localDisk === undefined ? undefined : String(item.localDisk.nvme);
    case 'estimate':
      return String(item.estimate);
    default:
      return item[column];
  }
}

function checkHeader(header: CsvRecord): CsvRowError[] {
  const known = new Set<string>(INSTANCE_CSV_COLUMNS);
  const seen = new Set<string>();
  const errors: CsvRowError[] = [];
  for (const name of header.fields) {
    if (!known.has(name)) errors.push({ line: header.line, field: name, message: `Unknown column "${name}".` });
    else if (seen.has(name)) errors.push({ line: header.line, field: name, message: `Column "${name}" appears twice.` });
    seen.add(name);
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!seen.has(column)) errors.push({ line: header.line, field: column, message: `Missing column "${column}".` });
  }
  return errors;
}

/** A decimal number as spreadsheets write it: optional sign, digits, optional fraction and exponent. */
const NUMBER_PATTERN = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function toRowObject(columns: readonly Column[], record: CsvRecord): { value: Record<string, unknown>; errors: CsvRowError[] } {
  const value: Record<string, unknown> = {};
  const errors: CsvRowError[] = [];
  columns.forEach((column, index) => {
    const cell = (record.fields[index] ?? '').trim();
    if (OPTIONAL_NUMERIC_COLUMNS.has(column) && cell === '') return;
    if (NUMERIC_COLUMNS.has(column) || OPTIONAL_NUMERIC_COLUMNS.has(column)) {
      if (!NUMBER_PATTERN.test(cell)) {
        errors.push({ line: record.line, field: column, message: `"${cell}" is not a number.` });
        return;
      }
      value[column] = Number(cell);
    } else if (column === 'estimate' || column === 'localDiskNvme') {
      if (column === 'localDiskNvme' && cell === '') return;
      if (cell !== 'true' && cell !== 'false') {
        errors.push({ line: record.line, field: column, message: `Must be true or false, found "${cell}".` });
        return;
      }
      value[column] = cell === 'true';
    } else if (column === 'estimatedFields') {
      const names = cell === '' ? [] : cell.split(LIST_SEPARATOR).map((name) => name.trim());
      const unknown = names.filter((name) => !InstanceEstimableFieldSchema.safeParse(name).success);
      if (unknown.length > 0) {
        const allowed = InstanceEstimableFieldSchema.options.join(', ');
        errors.push({ line: record.line, field: column, message: `Unknown field(s) ${unknown.join(', ')}; use ${allowed}.` });
        return;
      }
      value[column] = names;
    } else if (column === 'note') {
      if (cell !== '') value[column] = restoreCsvText(cell);
    } else {
      value[column] = restoreCsvText(cell);
    }
  });
  return { value: gatherLocalDisk(value, record.line, errors), errors };
}

/** Folds the three `localDisk*` cells into one `localDisk` object; a partly filled set is an error. */
function gatherLocalDisk(value: Record<string, unknown>, line: number, errors: CsvRowError[]): Record<string, unknown> {
  const { localDiskCount: count, localDiskSizeGib: sizeGib, localDiskNvme: nvme, ...rest } = value;
  const present = LOCAL_DISK_COLUMNS.filter((column) => value[column] !== undefined);
  if (present.length === 0) return rest;
  if (present.length < LOCAL_DISK_COLUMNS.length) {
    const missing = LOCAL_DISK_COLUMNS.filter((column) => value[column] === undefined);
    errors.push({ line, field: missing[0] ?? ROW_FIELD, message: `Fill all of ${LOCAL_DISK_COLUMNS.join(', ')} or none.` });
    return rest;
  }
  return { ...rest, localDisk: { count, sizeGib, nvme } };
}

type CsvRecord = { line: number; fields: string[] };
type ParseResult = { kind: 'ok'; records: CsvRecord[] } | { kind: 'error'; error: CsvRowError };

/**
 * Splits RFC 4180 text into records, tracking the physical line each record starts on (quoted
 * fields may span lines). Blank lines between records are skipped.
 */
function parseCsv(text: string): ParseResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let fieldWasQuoted = false;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
    fieldWasQuoted = false;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < text.length) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        const next = text[i + 1];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          return { kind: 'error', error: { line, field: ROW_FIELD, message: 'A closing quote must be followed by a comma or the end of the line.' } };
        }
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"') {
      if (field !== '' || fieldWasQuoted) {
        return { kind: 'error', error: { line, field: ROW_FIELD, message: 'A quote may only start a field; double it inside a quoted field ("").' } };
      }
      inQuotes = true;
      fieldWasQuoted = true;
    } else if (char === ',') {
      endField();
    } else if (char === '\r' || char === '\n') {
      endRecord();
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
    i += 1;
  }
  if (inQuotes) {
    return { kind: 'error', error: { line: recordLine, field: ROW_FIELD, message: 'A quoted field is never closed.' } };
  }
  if (field !== '' || fields.length > 0 || fieldWasQuoted) endRecord();
  return { kind: 'ok', records };
}
