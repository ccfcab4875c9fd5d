/**
 * The calendar month (year × 12 + month − 1, proleptic Gregorian) of the UTC day `days` after
 * 1970-01-01, by integer arithmetic (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms",
 * civil_from_days, https://howardhinnant.github.io/date_algorithms.html): no Date object per row.
 * Shared by the per-row month bucketing of the CLV summaries and the pipeline forecast.
 *
 * @internal
 */
export function civilMonthOfDay(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month0 = mp < 10 ? mp + 2 : mp - 10;
  const year = yoe + era * 400 + (mp < 10 ? 0 : 1);
  return year * 12 + month0;
}
