import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { type CsvImportResult, exportInstanceTypesCsv, importInstanceTypesCsv, INSTANCE_CSV_COLUMNS, OPTIONAL_HARDWARE_COLUMNS, ROW_FIELD } from './csv';
import { loadCatalog } from './load';
import { type CatalogInstanceType, CatalogInstanceTypeSchema, InstanceEstimableFieldSchema } from './schema';

const items = loadCatalog().instanceTypes;
const header = INSTANCE_CSV_COLUMNS.join(',');

// Every field of an instance type has a column (localDisk has three), so nothing is lost on export.
type UnexportedField = Exclude<keyof CatalogInstanceType, (typeof INSTANCE_CSV_COLUMNS)[number] | 'localDisk'>;
const allFieldsExported: [UnexportedField] extends [never] ? true : never = true;

function row(overrides: Partial<Record<(typeof INSTANCE_CSV_COLUMNS)[number], string>> = {}): string {
  const base: Record<(typeof INSTANCE_CSV_COLUMNS)[number], string> = {
    id: 'aws:us-east-1:m7i.xlarge',
    provider: 'aws',
    region: 'us-east-1',
    name: 'm7i.xlarge',
    family: 'm7i',
    arch: 'x86_64',
    vcpu: '4',
    memoryGib: '16',
    networkGbps: '1.562',
    onDemandUsdPerHour: '0.2016',
    spotDiscountRatio: '0.6',
    spotInterruptionBand: '1',
    source: 'https://example.com/prices',
    asOf: '2026-01-19',
    estimate: 'false',
    estimatedFields: '',
    note: '',
    networkBurstGbps: '',
    blockBandwidthMibPerSec: '',
    blockIops: '',
    localDiskCount: '',
    localDiskSizeGib: '',
    localDiskNvme: '',
  };
  return INSTANCE_CSV_COLUMNS.map((column) => overrides[column] ?? base[column]).join(',');
}

function errorsOf(result: CsvImportResult) {
  if (result.ok) throw new Error(`expected errors, imported ${result.items.length} items`);
  return result.errors;
}

describe('exportInstanceTypesCsv', () => {
  it('writes a header and one CRLF-terminated record per item', () => {
    expect(allFieldsExported).toBe(true);
    const csv = exportInstanceTypesCsv(items.slice(0, 2));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(header);
    expect(lines).toHaveLength(4); // header, 2 records, trailing empty string after the final CRLF
    expect(lines[3]).toBe('');
  });

  it('quotes fields with commas, quotes and newlines (RFC 4180)', () => {
    const [first] = items;
    if (first === undefined) throw new Error('bundled catalog has no instance types');
    const csv = exportInstanceTypesCsv([{ ...first, note: 'Says "hi", then\r\nbreaks' }]);
    expect(csv).toContain(',"Says ""hi"", then\r\nbreaks",');
  });

  it('neutralises text cells a spreadsheet would run as a formula, and keeps numbers numeric', () => {
    const [first] = items;
    if (first === undefined) throw new Error('bundled catalog has no instance types');
    const name = '=HYPERLINK("http://evil.example")';
    const hostile = { ...first, id: `${first.provider}:${first.region}:${name}`, name, note: '@SUM(A1)' };
    const csv = exportInstanceTypesCsv([hostile]);
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
    expect(csv).toContain(",'@SUM(A1),");
    expect(importInstanceTypesCsv(csv)).toEqual({ ok: true, items: [hostile] });
  });
});

describe('importInstanceTypesCsv', () => {
  it('round-trips the whole bundled catalog exactly', () => {
    const result = importInstanceTypesCsv(exportInstanceTypesCsv(items));
    expect(result).toEqual({ ok: true, items });
  });

  it('accepts LF line endings, a byte-order mark, reordered columns and blank lines', () => {
    const columns = [...INSTANCE_CSV_COLUMNS].reverse();
    const values = row().split(',').reverse();
    const text = `\uFEFF${columns.join(',')}\n\n${values.join(',')}\n`;
    const result = importInstanceTypesCsv(text);
    expect(result.ok && result.items.map((item) => item.id)).toEqual(['aws:us-east-1:m7i.xlarge']);
  });

  it('reads quoted fields containing commas, doubled quotes and line breaks', () => {
    const note = '"Spot prior: 60% off, band ""1""\nsee docs"';
    const text = `${header}\r\n${row({ estimate: 'true', estimatedFields: 'spotDiscountRatio|spotInterruptionBand', note })}\r\n`;
    const result = importInstanceTypesCsv(text);
    expect(result.ok && result.items[0]?.note).toBe('Spot prior: 60% off, band "1"\nsee docs');
    expect(result.ok && result.items[0]?.estimatedFields).toEqual(['spotDiscountRatio', 'spotInterruptionBand']);
  });

  it('counts physical lines, so a row after a multi-line field reports its real line number', () => {
    const text = [
      header,
      row({ estimate: 'true', estimatedFields: 'networkGbps', note: '"line one\nline two"' }),
      row({ id: 'aws:us-east-1:m7i.large', name: 'm7i.large', vcpu: 'two' }),
    ].join('\r\n');
    expect(errorsOf(importInstanceTypesCsv(text))).toEqual([{ line: 4, field: 'vcpu', message: '"two" is not a number.' }]);
  });

  it('rejects a non-numeric price with its line and field, and imports nothing', () => {
    const text = [header, row(), row({ id: 'aws:us-east-1:m7i.large', name: 'm7i.large', onDemandUsdPerHour: '$0.10' })].join('\r\n');
    const result = importInstanceTypesCsv(text);
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 3, field: 'onDemandUsdPerHour', message: '"$0.10" is not a number.' }],
    });
  });

  it('reports missing and unknown columns on the header line', () => {
    const columns = INSTANCE_CSV_COLUMNS.filter((column) => column !== 'source' && column !== 'asOf');
    const errors = errorsOf(importInstanceTypesCsv(`${[...columns, 'colour'].join(',')}\r\n`));
    expect(errors).toEqual([
      { line: 1, field: 'colour', message: 'Unknown column "colour".' },
      { line: 1, field: 'source', message: 'Missing column "source".' },
      { line: 1, field: 'asOf', message: 'Missing column "asOf".' },
    ]);
  });

  it('rejects a duplicate id, naming the line it first appeared on', () => {
    const errors = errorsOf(importInstanceTypesCsv([header, row(), row({ onDemandUsdPerHour: '0.3' })].join('\r\n')));
    expect(errors).toEqual([{ line: 3, field: 'id', message: 'Duplicate id "aws:us-east-1:m7i.xlarge" (first on line 2).' }]);
  });

  it('reports schema violations per field on every bad row', () => {
    const text = [
      header,
      row({ onDemandUsdPerHour: '-1' }),
      row({ id: 'gcp:us-central1:n2-standard-2', provider: 'gcp', region: 'us-central1', name: 'n2-standard-2', source: '' }),
      row({ id: 'aws:us-east-1:c7g.large', name: 'c7g.large', estimate: 'true', estimatedFields: 'networkGbps' }),
    ].join('\r\n');
    expect(errorsOf(importInstanceTypesCsv(text))).toEqual([
      { line: 2, field: 'onDemandUsdPerHour', message: 'Must be a price above zero.' },
      { line: 3, field: 'source', message: 'Source must be an https:// link to the public page or dataset the figure came from.' },
      { line: 4, field: 'note', message: 'An estimate needs a note saying what it is based on.' },
    ]);
  });

  it('rejects a row with too few fields, an unknown estimated field and a non-boolean estimate', () => {
    const text = [header, 'aws:us-east-1:m7i.xlarge,aws', row({ estimatedFields: 'price' }), row({ estimate: 'yes' })].join('\n');
    expect(errorsOf(importInstanceTypesCsv(text)).map(({ line, field }) => ({ line, field }))).toEqual([
      { line: 2, field: ROW_FIELD },
      { line: 3, field: 'estimatedFields' },
      { line: 4, field: 'estimate' },
    ]);
  });

  it('rejects an unterminated quote and a stray quote inside a field', () => {
    expect(errorsOf(importInstanceTypesCsv(`${header}\r\n${row({ note: '"never closed' })}\r\n`))).toEqual([
      { line: 2, field: ROW_FIELD, message: 'A quoted field is never closed.' },
    ]);
    expect(errorsOf(importInstanceTypesCsv(`${header}\r\n${row({ note: 'say "hi"' })}\r\n`))[0]?.line).toBe(2);
  });

  it('reads the hardware columns, folds the local-disk cells into one object, and accepts files without them', () => {
    const withDisk = importInstanceTypesCsv(
      `${header}\r\n${row({ blockBandwidthMibPerSec: '1192.093', blockIops: '40000', localDiskCount: '2', localDiskSizeGib: '3492.5', localDiskNvme: 'true' })}\r\n`,
    );
    expect(withDisk.ok && withDisk.items[0]).toMatchObject({ blockBandwidthMibPerSec: 1192.093, blockIops: 40000, localDisk: { count: 2, sizeGib: 3492.5, nvme: true } });
    const required = INSTANCE_CSV_COLUMNS.filter((column) => !OPTIONAL_HARDWARE_COLUMNS.some((optional) => optional === column));
    const oldFile = `${required.join(',')}\r\n${row().split(',').slice(0, required.length).join(',')}\r\n`;
    const old = importInstanceTypesCsv(oldFile);
    expect(old.ok && old.items[0]?.localDisk).toBeUndefined();
  });

  it('rejects a partly filled local disk and a burst below the baseline', () => {
    expect(errorsOf(importInstanceTypesCsv(`${header}\r\n${row({ localDiskCount: '2' })}\r\n`))).toEqual([
      { line: 2, field: 'localDiskSizeGib', message: 'Fill all of localDiskCount, localDiskSizeGib, localDiskNvme or none.' },
    ]);
    expect(errorsOf(importInstanceTypesCsv(`${header}\r\n${row({ networkBurstGbps: '1' })}\r\n`))).toEqual([
      { line: 2, field: 'networkBurstGbps', message: 'Burst network bandwidth must be at least the baseline.' },
    ]);
  });

  it('rejects an empty file', () => {
    expect(errorsOf(importInstanceTypesCsv(''))).toEqual([{ line: 1, field: ROW_FIELD, message: 'The file is empty.' }]);
  });
});

describe('properties', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\r\n', '\n', '|', 'é', '0', '=', '-', '@', "'") });
  const arbitraryItem = fc
    .record({
      base: fc.constantFrom(...items),
      onDemandUsdPerHour: fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
      spotDiscountRatio: fc.double({ min: 0, max: 0.999, noNaN: true }),
      spotInterruptionBand: fc.integer({ min: 0, max: 4 }),
      estimatedFields: fc.uniqueArray(fc.constantFrom(...InstanceEstimableFieldSchema.options)),
      note: text,
    })
    .map(({ base, note, estimatedFields, ...prices }) =>
      CatalogInstanceTypeSchema.safeParse({
        ...base,
        ...prices,
        estimatedFields,
        estimate: estimatedFields.length > 0,
        note: note.trim() === '' ? undefined : note,
      }),
    )
    .filter((parsed) => parsed.success)
    .map((parsed) => parsed.data as CatalogInstanceType);

  it('import(export(items)) returns the items unchanged', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryItem, { selector: (item) => item.id, maxLength: 8 }), (generated) => {
        expect(importInstanceTypesCsv(exportInstanceTypesCsv(generated))).toEqual({ ok: true, items: generated });
      }),
    );
  });
});
