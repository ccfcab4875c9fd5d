import type { Locale } from '../core/locales';
import type { QualityReport } from './assessQuality';
import { assert } from './errors';
import { isDense } from '../core/guards';
import { requireDate } from '../core/time';

const LABELS = {
  en: {
    title: 'Data quality report',
    asOf: 'as of',
    records: 'records',
    completeness: 'Completeness',
    invalid: 'Invalid values (by rule)',
    none: 'none',
    invalidRecords: 'records with invalid values',
    stale: 'Stale records',
    staleAfter: (d: number) => `not updated within ${d} days`,
    notContacted: (d: number) => `not contacted within ${d} days`,
    staleBoth: 'stale',
    duplicates: 'Duplicates',
    clusters: 'duplicate groups',
    surplus: 'surplus records (would disappear by merging)',
    review: 'pairs to review',
    skipped: 'not searched',
  },
  'zh-CN': {
    title: '数据质量报告',
    asOf: '评估日期',
    records: '条记录',
    completeness: '完整性',
    invalid: '无效值（按规则）',
    none: '无',
    invalidRecords: '含无效值的记录',
    stale: '过时记录',
    staleAfter: (d: number) => `${d} 天内未更新`,
    notContacted: (d: number) => `${d} 天内未联系`,
    staleBoth: '过时',
    duplicates: '重复记录',
    clusters: '重复组',
    surplus: '可合并掉的多余记录',
    review: '待人工复核的记录对',
    skipped: '未检查',
  },
} as const;

const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isRow = (keys: readonly string[], text: string) => (r: unknown): boolean =>
  r !== null && typeof r === 'object' && typeof (r as Record<string, unknown>)[text] === 'string' && keys.every((k) => isCount((r as Record<string, unknown>)[k]));

/** The shape renderQualityReport reads, checked before any of it is formatted. */
function isQualityReport(r: QualityReport): boolean {
  if (r === null || typeof r !== 'object') return false;
  const s = r.stale as QualityReport['stale'] | undefined;
  const d = r.duplicates;
  return (
    isCount(r.total) && isCount(r.invalidRecords) &&
    Array.isArray(r.completeness) && isDense(r.completeness) && r.completeness.every(isRow(['ratio', 'filled', 'applicable'], 'field')) &&
    Array.isArray(r.invalid) && isDense(r.invalid) && r.invalid.every(isRow(['records'], 'code')) &&
    s !== null && typeof s === 'object' && isCount(s.staleAfterDays) && isCount(s.notUpdated) && isCount(s.stale) &&
    (s.notContacted === undefined || isCount(s.notContacted)) &&
    (d === undefined || (d !== null && typeof d === 'object' && isCount(d.clusters) && isCount(d.surplus) && isCount(d.reviewPairs)))
  );
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

/**
 * Renders a {@link QualityReport} as plain text, with labels in English or Chinese. Never prints
 * personal data: only field names, rule codes, counts and shares.
 *
 * @param report - from {@link assessQuality}
 * @param options - `locale`: `en` (default) or `zh-CN`
 * @returns the text, lines separated by `\n`
 * @throws {CrmError} `INVALID_DATE` when `report.asOf` is not a valid Date (years 0001-9999);
 *   `INVALID_ARGUMENT` when `report` does not have the shape {@link assessQuality} returns
 *
 * @example
 * ```ts
 * import { assessQuality, renderQualityReport } from 'crmkit/quality';
 * const at = new Date('2026-01-01');
 * const base = { kind: 'person', tags: [], attributes: {}, externalIds: {}, lifecycleStage: 'customer', consent: {}, createdAt: at, updatedAt: at, version: 1 } as const;
 * const report = assessQuality([{ ...base, id: 'c-1', displayName: '李雷', contactPoints: [] }], { asOf: at, required: ['phone'] });
 * renderQualityReport(report, { locale: 'zh-CN' }).split('\n').slice(0, 3);
 * //=> ['数据质量报告（评估日期 2026-01-01，1 条记录）', '', '完整性']
 * ```
 */
export function renderQualityReport(report: QualityReport, options: { readonly locale?: Locale } = {}): string {
  requireDate(report?.asOf, 'report.asOf');
  assert(isQualityReport(report), 'INVALID_ARGUMENT', { params: { field: 'report', rule: 'must be the result of assessQuality' } });
  const zh = options?.locale === 'zh-CN';
  const L = zh ? LABELS['zh-CN'] : LABELS.en;
  const sep = zh ? '：' : ': ';
  const day = report.asOf.toISOString().slice(0, 10);
  const lines: string[] = [zh ? `${L.title}（${L.asOf} ${day}，${report.total} ${L.records}）` : `${L.title} (${L.asOf} ${day}, ${report.total} ${L.records})`, ''];
  lines.push(L.completeness);
  const width = Math.max(0, ...report.completeness.map((c) => c.field.length));
  for (const c of report.completeness) lines.push(`  ${c.field.padEnd(width)}  ${pct(c.ratio).padStart(6)}  (${c.filled}/${c.applicable})`);
  lines.push('', L.invalid);
  if (report.invalid.length === 0) lines.push(`  ${L.none}`);
  for (const i of report.invalid) lines.push(`  ${i.code}${sep}${i.records}`);
  lines.push(`  ${L.invalidRecords}${sep}${report.invalidRecords} (${pct(report.total === 0 ? 0 : report.invalidRecords / report.total)})`);
  const s = report.stale;
  lines.push('', L.stale, `  ${L.staleAfter(s.staleAfterDays)}${sep}${s.notUpdated}`);
  if (s.notContacted !== undefined) lines.push(`  ${L.notContacted(s.staleAfterDays)}${sep}${s.notContacted}`);
  lines.push(`  ${L.staleBoth}${sep}${s.stale}`);
  lines.push('', L.duplicates);
  const d = report.duplicates;
  if (!d) lines.push(`  ${L.skipped}`);
  else lines.push(`  ${L.clusters}${sep}${d.clusters}`, `  ${L.surplus}${sep}${d.surplus}`, `  ${L.review}${sep}${d.reviewPairs}`);
  return lines.join('\n');
}
