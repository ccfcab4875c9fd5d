import { checkPeriod, type KpiPeriod } from '../kpi/period';
import type { BookView } from './bookView';
import { entryAt } from './bookView';
import { ExactSums } from './exactSums';

/** Won and lost deals closed in a period, per currency of the book. */
export interface ClosedDeals {
  readonly won: Float64Array;
  readonly lost: Float64Array;
  /** Slot `c`: won amount of currency c; slot `nCur + c`: lost amount (minor units). */
  readonly amounts: ExactSums;
  /** Per currency: total created-to-closed time of the won deals, ms. */
  readonly wonCycleMs: ExactSums;
  /** Created-to-closed days of each won deal (for medians), and of each lost one; empty unless asked for. */
  readonly wonDays: Float64Array;
  readonly wonDaysCurrency: Uint16Array;
  readonly lostDays: Float64Array;
}

/**
 * Scans once for the deals closed in `period`: a deal counts when, as of `asOf`, its stage is won
 * or lost and it entered that stage inside the period (so a deal lost, reopened and won later is
 * read as it stood at `asOf`). The period must have ended by `asOf` (see `checkPeriod`). The
 * per-deal day lists are filled only with `collectDays` (they cost an allocation per closed deal).
 */
export function closedDeals(view: BookView, options: { readonly period: KpiPeriod; readonly asOf: Date }, collectDays = false): ClosedDeals {
  const [start, end, asOf] = checkPeriod(options);
  const { book, index, position } = view;
  const nCur = book.currencies.length;
  const won = new Float64Array(nCur);
  const lost = new Float64Array(nCur);
  const amounts = new ExactSums(2 * nCur);
  const wonCycleMs = new ExactSums(nCur);
  const wonDays: number[] = [];
  const wonDaysCurrency: number[] = [];
  const lostDays: number[] = [];
  for (let i = 0; i < book.size; i++) {
    const h = entryAt(book, i, asOf);
    if (h < 0) continue;
    const k = index.kind[position[book.historyStage[h] as number] as number];
    if (k === 0) continue;
    const closed = book.historyAt[h] as number;
    if (closed < start || closed >= end) continue;
    const cur = book.currency[i] as number;
    const cycle = Math.max(0, closed - (book.createdAt[i] as number));
    if (k === 1) {
      won[cur] = (won[cur] as number) + 1;
      amounts.add(cur, book.amountMinor[i] as number);
      wonCycleMs.add(cur, cycle);
      if (collectDays) {
        wonDays.push(cycle / 86_400_000);
        wonDaysCurrency.push(cur);
      }
    } else {
      lost[cur] = (lost[cur] as number) + 1;
      amounts.add(nCur + cur, book.amountMinor[i] as number);
      if (collectDays) lostDays.push(cycle / 86_400_000);
    }
  }
  return { won, lost, amounts, wonCycleMs, wonDays: Float64Array.from(wonDays), wonDaysCurrency: Uint16Array.from(wonDaysCurrency), lostDays: Float64Array.from(lostDays) };
}
