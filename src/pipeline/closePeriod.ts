import { civilMonthOfDay } from '../core/time/civilMonth';

/** Calendar month (year × 12 + month − 1) of an instant in a fixed UTC offset (see `civilMonthOfDay`). */
export function monthIndex(ms: number, offsetMs: number): number {
  return civilMonthOfDay(Math.floor((ms + offsetMs) / 86_400_000));
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
