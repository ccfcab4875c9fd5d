import { assert, CrmError } from '../errors';
import { isValidDate, requireDate } from '../../core/time';
import type { Interaction } from '../../customer/interaction';
import type { Transaction } from '../../customer/transaction';
import { sortTimes } from '../../core/time/sortTimes';

/**
 * One customer's history, as {@link deriveStage} and {@link replay} read it. Only the fields named
 * here are used; full `Transaction` and `Interaction` records fit.
 *
 * - `since` (optional): when the customer entered the initial stage (for example `createdAt`);
 *   default, and whenever the history starts earlier: the earliest transaction or interaction.
 * - Transactions of type `refund` do not count as purchases. A transaction id seen twice is counted once.
 *
 * @example
 * ```ts
 * const h: CustomerHistory = {
 *   customerId: 'c-1',
 *   transactions: [{ id: 't-1', customerId: 'c-1', type: 'purchase', occurredAt: new Date('2026-01-05T00:00:00Z') }],
 * };
 * ```
 */
export interface CustomerHistory {
  readonly customerId: string;
  readonly since?: Date;
  readonly transactions: readonly Pick<Transaction, 'id' | 'customerId' | 'type' | 'occurredAt'>[];
  readonly interactions?: readonly Pick<Interaction, 'id' | 'customerId' | 'type' | 'direction' | 'channel' | 'occurredAt'>[];
}

/** The normalised view: purchase times ascending (deduplicated, ≤ asOf) and the start time. */
export interface NormalisedHistory {
  readonly customerId: string;
  readonly purchases: readonly number[];
  readonly start: number;
  readonly interactions: readonly Pick<Interaction, 'type' | 'direction' | 'channel' | 'occurredAt'>[];
}

/** Checks and normalises a history; throws INVALID_ARGUMENT / INVALID_DATE on bad input. */
export function normaliseHistory(history: CustomerHistory, asOf: number): NormalisedHistory {
  assert(history !== null && typeof history === 'object', 'INVALID_ARGUMENT', { params: { field: 'history', rule: 'must be an object' } });
  const { customerId } = history;
  assert(typeof customerId === 'string' && customerId !== '', 'INVALID_ARGUMENT', { params: { field: 'history.customerId', rule: 'must be a non-empty string' } });
  assert(Array.isArray(history.transactions), 'INVALID_ARGUMENT', { params: { field: 'history.transactions', rule: 'must be an array' } });
  const seen = new Set<string>();
  const times: number[] = [];
  let start = history.since === undefined ? Infinity : requireDate(history.since, 'history.since').getTime();
  for (const t of history.transactions) {
    // Plain ifs, not assert(): no options object is allocated per transaction.
    if (t.customerId !== customerId) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'history.transactions', rule: 'every transaction must belong to history.customerId' } });
    const at = t.occurredAt instanceof Date ? t.occurredAt.getTime() : Number.NaN;
    if (Number.isNaN(at)) throw new CrmError('INVALID_DATE', { params: { field: 'transaction.occurredAt' } });
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    if (at > asOf) continue;
    if (at < start) start = at;
    if (t.type === 'purchase') times.push(at);
  }
  const interactions: NormalisedHistory['interactions'][number][] = [];
  const seenInteractions = new Set<string>();
  for (const i of history.interactions ?? []) {
    assert(i.customerId === customerId, 'INVALID_ARGUMENT', { params: { field: 'history.interactions', rule: 'every interaction must belong to history.customerId' } });
    assert(isValidDate(i.occurredAt), 'INVALID_DATE', { params: { field: 'interaction.occurredAt' } });
    if (seenInteractions.has(i.id)) continue;
    seenInteractions.add(i.id);
    const at = i.occurredAt.getTime();
    if (at > asOf) continue;
    if (at < start) start = at;
    interactions.push(i);
  }
  const purchases = sortTimes(times);
  return { customerId, purchases, start: start === Infinity ? asOf : start, interactions };
}

/** Earliest qualifying interaction strictly before `before` (ms), or undefined. */
export function qualifiedAt(h: NormalisedHistory, before: number, qualifies: ((i: NormalisedHistory['interactions'][number]) => boolean) | undefined): number | undefined {
  let best: number | undefined;
  for (const i of h.interactions) {
    const at = i.occurredAt.getTime();
    if (at < before && (best === undefined || at < best) && (qualifies === undefined || qualifies(i))) best = at;
  }
  return best;
}
