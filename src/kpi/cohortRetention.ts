import { assert } from './errors';
import { isValidDate } from '../core/time';
import { type KpiOptions, checkPeriod } from './period';
import { type KpiTransaction, anyIn, purchasesByCustomer, ratio } from './purchases';

/**
 * One row of a {@link cohortRetention} table.
 *
 * @example
 * ```ts
 * const row: CohortRow = { cohort: '2026-01', size: 4, active: [4, 2, 1], rates: [1, 0.5, 0.25] };
 * ```
 */
export interface CohortRow {
  /** The acquisition month, `YYYY-MM` (in the chosen offset). */
  readonly cohort: string;
  /** Customers acquired that month. */
  readonly size: number;
  /** `active[k]`: cohort customers with a purchase in the k-th month after acquisition (k = 0 is the acquisition month). */
  readonly active: readonly number[];
  /** `rates[k] = active[k] / size`. */
  readonly rates: readonly number[];
}

/**
 * Options of {@link cohortRetention}: the {@link KpiOptions} (cohorts acquired in `period`),
 * `months` (most columns per row, default 12), `acquiredAt` (each customer's acquisition
 * date, for example `createdAt`; default: the first purchase), and `utcOffsetMinutes` (the time
 * zone whose calendar months are used, default 0 = UTC; 480 for China Standard Time).
 *
 * @example
 * ```ts
 * const o: CohortOptions = { period: { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') }, asOf: new Date('2026-07-01T00:00:00Z'), months: 6 };
 * ```
 */
export interface CohortOptions extends KpiOptions {
  readonly months?: number;
  readonly acquiredAt?: ReadonlyMap<string, Date>;
  readonly utcOffsetMinutes?: number;
}


/**
 * Cohort retention table by acquisition month (calendar months in UTC, or at `utcOffsetMinutes`): customers are grouped by the
 * month they were acquired in (first purchase, or `acquiredAt`), and for each following month k
 * the table gives how many of them bought in that month, `rate[k] = active[k] / size` — the
 * classic cohort analysis of Fader and Hardie's customer-base work (e.g. "Customer-Base Analysis
 * in a Discrete-Time Noncontractual Setting", Marketing Science 29(6), 2010, Fig. 1). Only months
 * that have fully ended by `asOf` get a column, so no row shows a partial month. Rows are ordered
 * by cohort; months without acquisitions are omitted.
 *
 * @param transactions - purchases (refunds ignored; duplicate ids count once)
 * @param options - see {@link CohortOptions}
 * @returns one row per cohort
 * @throws {CrmError} `INVALID_DATE`, `INVALID_ARGUMENT` for a bad period, `months` or `acquiredAt`
 *
 * @example
 * ```ts
 * const d = (s: string) => new Date(`${s}T00:00:00Z`);
 * const t = (id: string, c: string, day: string) => ({ id, customerId: c, type: 'purchase' as const, occurredAt: d(day) });
 * // January cohort: a, b. a buys again in February, b in March.
 * cohortRetention([t('1', 'a', '2026-01-03'), t('2', 'b', '2026-01-20'), t('3', 'a', '2026-02-14'), t('4', 'b', '2026-03-01')],
 *   { period: { start: d('2026-01-01'), end: d('2026-02-01') }, asOf: d('2026-04-01') });
 * //=> [{ cohort: '2026-01', size: 2, active: [2, 1, 1], rates: [1, 0.5, 0.5] }]
 * ```
 */
export function cohortRetention(transactions: Iterable<KpiTransaction>, options: CohortOptions): CohortRow[] {
  const [start, end, asOf] = checkPeriod(options);
  const months = options.months ?? 12;
  assert(Number.isInteger(months) && months >= 1 && months <= 600, 'INVALID_ARGUMENT', { params: { field: 'months', rule: 'must be an integer from 1 to 600' } });
  const offsetMinutes = options.utcOffsetMinutes ?? 0;
  assert(Number.isInteger(offsetMinutes) && Math.abs(offsetMinutes) <= 840, 'INVALID_ARGUMENT', { params: { field: 'utcOffsetMinutes', rule: 'must be an integer from -840 to 840' } });
  const offset = offsetMinutes * 60_000;
  const monthIndex = (ms: number): number => {
    const d = new Date(ms + offset);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  const monthStart = (index: number): number => Date.UTC(Math.floor(index / 12), index % 12, 1) - offset;
  const byCustomer = purchasesByCustomer(transactions, asOf);
  const cohorts = new Map<number, string[]>();
  const ids = new Set<string>([...byCustomer.keys(), ...(options.acquiredAt?.keys() ?? [])]);
  for (const id of ids) {
    let acquired: number | undefined;
    if (options.acquiredAt !== undefined) {
      const at = options.acquiredAt.get(id);
      if (at === undefined) continue;
      assert(isValidDate(at), 'INVALID_DATE', { params: { field: 'acquiredAt' } });
      acquired = at.getTime();
    } else {
      acquired = byCustomer.get(id)?.[0];
    }
    if (acquired === undefined || acquired < start || acquired >= end || acquired > asOf) continue;
    const m = monthIndex(acquired);
    const list = cohorts.get(m);
    if (list === undefined) cohorts.set(m, [id]);
    else list.push(id);
  }
  // The last complete month: its end (the next month's start) is not after asOf.
  const lastFull = monthIndex(asOf) - 1;
  const rows: CohortRow[] = [];
  for (const m of [...cohorts.keys()].sort((a, b) => a - b)) {
    const members = cohorts.get(m) as string[];
    const columns = Math.min(months, Math.max(0, lastFull - m + 1));
    const active: number[] = [];
    for (let k = 0; k < columns; k++) {
      const from = monthStart(m + k);
      const to = monthStart(m + k + 1);
      let n = 0;
      for (const id of members) {
        const times = byCustomer.get(id);
        if (times !== undefined && anyIn(times, from, to)) n++;
      }
      active.push(n);
    }
    const label = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    rows.push({ cohort: label, size: members.length, active, rates: active.map((a) => ratio(a, members.length) as number) });
  }
  return rows;
}
