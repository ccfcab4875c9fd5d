/**
 * Calendar month (year × 12 + month − 1) of an instant in a fixed UTC offset, by integer
 * arithmetic (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", civil_from_days,
 * https://howardhinnant.github.io/date_algorithms.html): no Date object per row.
 */
export function monthIndex(ms: number, offsetMs: number): number {
  const z = Math.floor((ms + offsetMs) / 86_400_000) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** The label of a month or quarter bucket: `2026-07` or `2026-Q3`. */
export function periodLabel(bucket: number, by: 'month' | 'quarter'): string {
  if (by === 'quarter') return `${Math.floor(bucket / 4)}-Q${(bucket % 4) + 1}`;
  return `${Math.floor(bucket / 12)}-${String((bucket % 12) + 1).padStart(2, '0')}`;
}

/** The bucket of a month index: itself, or its quarter (year × 4 + quarter − 1). */
export function bucketOf(month: number, by: 'month' | 'quarter'): number {
  return by === 'quarter' ? Math.floor(month / 3) : month;
}
