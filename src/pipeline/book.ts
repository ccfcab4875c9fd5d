import { assert, CrmError } from './errors';
import { Money } from '../core/money/Money';
import { probabilityToBp } from './definePipeline';
import { minorUnitsOf } from './minorUnits';
import type { Opportunity, StageHistoryEntry } from './opportunity';

/**
 * Opportunities in columns (typed arrays), the form every pipeline figure runs over: build it once
 * with {@link toOpportunityBook} and compute many figures over a million deals without touching a
 * Money or Date per row. Strings (ids, owners, currencies, stages) are interned: the columns hold
 * indexes into the lists. Stage history is flattened: deal `i` owns entries
 * `historyStart[i]` to `historyStart[i + 1] - 1`, oldest first.
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, createOpportunity, toOpportunityBook } from 'crmkit/pipeline';
 * const { opportunity } = createOpportunity(DEFAULT_B2B_PIPELINE, {
 *   id: 'o-1', customerId: 'c-1', ownerId: 'u-1', name: 'ERP', amount: { amount: '12.34', currency: 'CNY' },
 *   stage: 'lead', expectedCloseDate: '2026-06-30',
 * }, { now: new Date('2026-01-05T00:00:00Z') });
 * const book: OpportunityBook = toOpportunityBook([opportunity]);
 * [book.size, book.amountMinor[0], book.currencies[0]];
 * //=> [1, 1234, 'CNY']
 * ```
 */
export interface OpportunityBook {
  readonly size: number;
  readonly ids: readonly string[];
  readonly currencies: readonly string[];
  /** Per deal: index into `currencies`. */
  readonly currency: Uint16Array;
  readonly owners: readonly string[];
  /** Per deal: index into `owners`. */
  readonly owner: Uint32Array;
  /** Stage ids met in the book (current stages and history). */
  readonly stages: readonly string[];
  /** Per deal: the amount in integer minor units (fen, cents). */
  readonly amountMinor: Float64Array;
  /** Per deal: the probability override in basis points (1/10000), or -1 for none. */
  readonly probabilityBp: Int16Array;
  /** Per deal: expected close, created and closed (NaN while open) times in epoch milliseconds. */
  readonly expectedClose: Float64Array;
  readonly createdAt: Float64Array;
  readonly closedAt: Float64Array;
  /** Per deal, length `size + 1`: where its stage history starts in `historyStage`/`historyAt`. */
  readonly historyStart: Uint32Array;
  /** Per history entry: index into `stages`. */
  readonly historyStage: Uint16Array;
  /** Per history entry: when the stage was entered, epoch milliseconds. */
  readonly historyAt: Float64Array;
}

const books = /* @__PURE__ */ new WeakSet<OpportunityBook>();

function intern(map: Map<string, number>, list: string[], key: string): number {
  let at = map.get(key);
  if (at === undefined) {
    at = list.length;
    map.set(key, at);
    list.push(key);
  }
  return at;
}

function bad(i: number, field: string, rule: string): CrmError {
  return new CrmError('INVALID_ARGUMENT', { params: { field: `opportunities.${i}.${field}`, rule } });
}

/** Integer minor units of a deal amount. */
function minorUnits(m: unknown, i: number): number {
  if (!Money.isMoney(m)) throw bad(i, 'amount', 'expected Money');
  const minor = minorUnitsOf(m);
  if (Number.isNaN(minor)) throw bad(i, 'amount', 'must be zero or more, in whole minor units, below 2^53 of them');
  return minor;
}

function time(value: unknown, i: number, field: string): number {
  // isValidDate without its copy of the Date: this runs a few million times for a big book.
  const t = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new CrmError('INVALID_DATE', { params: { field: `opportunities.${i}.${field}` } });
  return t;
}

/**
 * Puts opportunities into columns for fast figures (see {@link OpportunityBook}). Checks each deal
 * at the boundary: amounts are Money in whole minor units (not negative, below 2^53 minor units),
 * dates are valid, a probability override is 0 to 1 with at most 4 decimals, and the stage history
 * is non-empty, in time order, and ends in the current stage.
 *
 * @param opportunities - a dense array of opportunities (at most 2^32 - 1)
 * @returns the book, frozen
 * @throws {CrmError} `INVALID_ARGUMENT` naming the deal's index and field; `INVALID_DATE`;
 *   `INVALID_CURRENCY`
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, createOpportunity, toOpportunityBook } from 'crmkit/pipeline';
 * const now = new Date('2026-01-05T00:00:00Z');
 * const deals = ['100', '250.50'].map((amount, i) => createOpportunity(DEFAULT_B2B_PIPELINE, {
 *   id: `o-${i}`, customerId: 'c-1', ownerId: 'u-1', name: 'Deal', amount: { amount, currency: 'CNY' },
 *   stage: 'lead', expectedCloseDate: '2026-06-30',
 * }, { now }).opportunity);
 * Array.from(toOpportunityBook(deals).amountMinor);
 * //=> [10000, 25050]
 * ```
 */
export function toOpportunityBook(opportunities: readonly Opportunity[]): OpportunityBook {
  assert(Array.isArray(opportunities), 'INVALID_ARGUMENT', { params: { field: 'opportunities', rule: 'must be an array' } });
  const n = opportunities.length;
  let entries = 0;
  for (let i = 0; i < n; i++) {
    if (!(i in opportunities)) throw bad(i, '', 'is missing (sparse array)');
    const o = opportunities[i] as Opportunity;
    if (o === null || typeof o !== 'object' || !Array.isArray(o.stageHistory) || o.stageHistory.length === 0) throw bad(i, 'stageHistory', 'must not be empty');
    entries += o.stageHistory.length;
  }
  const ids: string[] = new Array<string>(n);
  const currencies: string[] = [];
  const owners: string[] = [];
  const stages: string[] = [];
  const currencyAt = new Map<string, number>();
  const ownerAt = new Map<string, number>();
  const stageAt = new Map<string, number>();
  const book = {
    size: n,
    ids,
    currencies,
    currency: new Uint16Array(n),
    owners,
    owner: new Uint32Array(n),
    stages,
    amountMinor: new Float64Array(n),
    probabilityBp: new Int16Array(n),
    expectedClose: new Float64Array(n),
    createdAt: new Float64Array(n),
    closedAt: new Float64Array(n),
    historyStart: new Uint32Array(n + 1),
    historyStage: new Uint16Array(entries),
    historyAt: new Float64Array(entries),
  };
  let h = 0;
  for (let i = 0; i < n; i++) {
    const o = opportunities[i] as Opportunity;
    if (typeof o.id !== 'string' || o.id === '') throw bad(i, 'id', 'must be a non-empty string');
    if (typeof o.ownerId !== 'string' || o.ownerId === '') throw bad(i, 'ownerId', 'must be a non-empty string');
    ids[i] = o.id;
    book.amountMinor[i] = minorUnits(o.amount, i);
    book.currency[i] = intern(currencyAt, currencies, o.amount.currency);
    book.owner[i] = intern(ownerAt, owners, o.ownerId);
    const bp = o.probability === undefined ? -1 : probabilityToBp(o.probability);
    if (o.probability !== undefined && bp < 0) throw bad(i, 'probability', 'must be 0 to 1 with at most 4 decimals');
    book.probabilityBp[i] = bp;
    book.expectedClose[i] = time(o.expectedCloseDate, i, 'expectedCloseDate');
    book.createdAt[i] = time(o.createdAt, i, 'createdAt');
    book.closedAt[i] = o.closedAt === undefined ? Number.NaN : time(o.closedAt, i, 'closedAt');
    book.historyStart[i] = h;
    let last = -Infinity;
    const history = o.stageHistory;
    for (let k = 0; k < history.length; k++) {
      const e = history[k] as StageHistoryEntry;
      const at = time(e?.at, i, 'stageHistory.at');
      if (at < last) throw bad(i, 'stageHistory', 'must be in time order');
      if (typeof e.stage !== 'string') throw bad(i, 'stageHistory.stage', 'must be a non-empty string');
      last = at;
      book.historyStage[h] = intern(stageAt, stages, e.stage);
      book.historyAt[h++] = at;
    }
    if (o.stageHistory[o.stageHistory.length - 1]?.stage !== o.stage) throw bad(i, 'stage', 'must be the last stage in stageHistory');
  }
  book.historyStart[n] = h;
  if (currencies.length > 0xffff || stages.length > 0xffff) throw bad(0, 'amount', 'a book holds at most 65535 currencies and stages');
  Object.freeze(ids);
  Object.freeze(currencies);
  Object.freeze(owners);
  Object.freeze(stages);
  const frozen: OpportunityBook = Object.freeze(book);
  books.add(frozen);
  return frozen;
}

/** The book itself when made by {@link toOpportunityBook}, else a book of the array. */
export function bookOf(deals: OpportunityBook | readonly Opportunity[]): OpportunityBook {
  if (Array.isArray(deals)) return toOpportunityBook(deals);
  assert(books.has(deals as OpportunityBook), 'INVALID_ARGUMENT', { params: { field: 'opportunities', rule: 'must be an array of opportunities or a book from toOpportunityBook' } });
  return deals as OpportunityBook;
}
