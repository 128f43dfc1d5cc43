import type { PriceChange } from '../diff';
import type { ProviderFile, RefreshReport } from './apply';

/**
 * Text forms of a refresh: the data file layout and the change report.
 */

const SECTIONS = ['instanceTypes', 'storageTiers', 'dataTransfer', 'commitments'] as const;

/**
 * A provider data file with one item per line: compact, and a refresh diffs line by line.
 *
 * @example formatProviderFile({ provider: 'aws', instanceTypes: [], storageTiers: [], dataTransfer: [], commitments: [] }).split('\n')[1] //=> '"provider": "aws",'
 */
export function formatProviderFile(file: ProviderFile): string {
  const sections = SECTIONS.map((section) => {
    const rows = (file[section] as readonly unknown[]).map((item) => `  ${JSON.stringify(item)}`).join(',\n');
    return `"${section}": [\n${rows}\n]`;
  });
  return `{\n"provider": ${JSON.stringify(file.provider)},\n${sections.join(',\n')}\n}\n`;
}

/**
 * The next catalog version: today's date, `.1`, or one more than today's last number.
 *
 * @param current - e.g. '2026-12-02.1'
 * @param todayIso - YYYY-MM-DD (UTC)
 * @example nextCatalogVersion('2026-12-02.1', '2026-12-02') //=> '2026-12-02.2'
 */
export function nextCatalogVersion(current: string, todayIso: string): string {
  const [date, n] = current.split('.');
  return date === todayIso ? `${todayIso}.${Number(n) + 1}` : `${todayIso}.1`;
}

/** The largest price moves first (then by item id), at most `limit` lines of them. */
export function formatRefreshReport(report: RefreshReport, options: { skipped: readonly string[]; limit?: number }): string {
  const limit = options.limit ?? 40;
  const changed = report.priceChanges.filter((change) => change.change === 'changed');
  const lines = [
    `Updated ${report.updated} item(s); added ${report.added.length}; ${changed.length} price field(s) changed.`,
    ...report.added.map((id) => `  + ${id}`),
    ...report.notApplied.map((reason) => `  not applied: ${reason}`),
    ...options.skipped.map((reason) => `  skipped in the file: ${reason}`),
  ];
  const sorted = [...changed].sort((a, b) => Math.abs(b.changeRatio ?? 0) - Math.abs(a.changeRatio ?? 0) || a.itemId.localeCompare(b.itemId, 'en'));
  if (sorted.length > 0) lines.push('Largest changes:');
  lines.push(...sorted.slice(0, limit).map(formatChange));
  if (sorted.length > limit) lines.push(`  … and ${sorted.length - limit} more`);
  return `${lines.join('\n')}\n`;
}

function formatChange(change: PriceChange): string {
  const ratio = change.changeRatio === null ? '' : ` (${change.changeRatio >= 0 ? '+' : ''}${(change.changeRatio * 100).toFixed(1)} %)`;
  return `  ${change.itemId} ${change.field}: ${change.oldValue} → ${change.newValue}${ratio}`;
}
