import { assert } from '../errors';
import { isCrmError } from '../../core/errors/CrmError';
import { type DomainEvent, domainEvent } from '../../core/events';
import { requireDate } from '../../core/time';
import type { Customer } from '../../customer/customer';
import type { SubjectRepositories } from './repositories';

/**
 * What an erasure did (删除记录), for the adopter's register of processing: which customer became
 * which pseudonym, when, which personal fields were removed, how many records were kept under the
 * pseudonym, and the interactions whose free text (`summary`, `attributes`) the repositories cannot
 * rewrite, to be reviewed or deleted in the adopter's store. Keep it under restricted access: with
 * it, the pseudonym leads back to the customer id.
 *
 * @example
 * ```ts
 * const kept = (r: ErasureRecord) => r.kept.transactions;
 * ```
 */
export interface ErasureRecord {
  readonly customerId: string;
  readonly pseudonym: string;
  readonly erasedAt: Date;
  readonly removed: readonly string[];
  readonly kept: { readonly transactions: number; readonly interactions: number; readonly loyaltyLedger: number };
  readonly interactionsToReview: readonly string[];
}

/**
 * Raised when a customer is erased; `customerId` is the erased id.
 *
 * @example
 * ```ts
 * const pseudonymOf = (e: CustomerErased) => e.record.pseudonym;
 * ```
 */
export type CustomerErased = DomainEvent<'CustomerErased', { record: ErasureRecord }>;

/**
 * Options of {@link eraseCustomer}: `now` (required) and `pseudonym` (required), the id the kept
 * records move to. Use a fresh random id (`randomId()`), or a keyed one (`cipher.blindIndex`) if a
 * retry must find the same pseudonym; never a plain hash of the customer id, which anyone can recompute.
 *
 * @example
 * ```ts
 * const o: EraseOptions = { now: new Date('2026-03-01T00:00:00Z'), pseudonym: 'erased-7f3a' };
 * ```
 */
export interface EraseOptions {
  readonly now: Date;
  readonly pseudonym: string;
}

const REMOVED = ['displayName', 'person', 'organization.legalName', 'organization.uscc', 'organization.contacts', 'contactPoints', 'tags', 'attributes', 'externalIds', 'consent'] as const;

/** The pseudonymous stand-in: no name, identity number, contact, tag, attribute or external id; stage, owner, team, source and dates kept. */
function pseudonymous(c: Customer, pseudonym: string, now: Date): Customer {
  return {
    id: pseudonym,
    kind: c.kind,
    displayName: pseudonym,
    ...(c.kind === 'organization' && c.organization !== undefined && { organization: { legalName: pseudonym, type: c.organization.type, departments: [], contacts: [] } }),
    contactPoints: [],
    tags: [],
    attributes: {},
    externalIds: {},
    ...(c.source !== undefined && { source: c.source }),
    ...(c.acquisitionChannel !== undefined && { acquisitionChannel: c.acquisitionChannel }),
    ...(c.ownerId !== undefined && { ownerId: c.ownerId }),
    ...(c.teamId !== undefined && { teamId: c.teamId }),
    lifecycleStage: c.lifecycleStage,
    consent: {},
    createdAt: new Date(c.createdAt.getTime()),
    updatedAt: new Date(now.getTime()),
    version: 1,
  };
}

/**
 * Erases a customer while keeping the books (删除个人信息, PIPL art. 47; GDPR art. 17): a
 * pseudonymous customer (no name, identity number, contact point, tag, attribute, external id or
 * consent; kind, stage, owner, team, source and creation date kept) is saved under `pseudonym`; the
 * customer's transactions, interactions and loyalty entries move to it, so revenue, KPIs and CLV
 * still add up; then the customer is deleted. Returns the erasure record and a `CustomerErased`
 * event. The consent history is the adopter's to keep or delete (it proves what was agreed).
 *
 * Idempotent: erasing an id that no longer exists changes nothing and returns `{ erased: false }`;
 * a retry after a partial failure with the same `pseudonym` finishes the work.
 *
 * @param customerId - the customer to erase
 * @param repositories - see {@link SubjectRepositories}
 * @param options - `now`, `pseudonym`; see {@link EraseOptions}
 * @returns `{ erased, record, events }` (`record` null and `events` empty when nothing was erased)
 * @throws {CrmError} `INVALID_ARGUMENT` for a bad id or pseudonym (or the same one twice);
 *   `INVALID_DATE`; whatever the repositories throw
 *
 * @example
 * ```ts
 * import { createMemoryRepositories } from 'crmkit/memory';
 * import { eraseCustomer } from 'crmkit/privacy';
 * const repos = createMemoryRepositories();
 * const at = new Date('2026-01-01T00:00:00Z');
 * await repos.customers.save({ id: 'c-1', kind: 'person', displayName: '张三', contactPoints: [], tags: [], attributes: {},
 *   externalIds: {}, lifecycleStage: 'customer', consent: {}, createdAt: at, updatedAt: at, version: 1 }, { expectedVersion: 0 });
 * const r = await eraseCustomer('c-1', repos, { now: new Date('2026-03-01T00:00:00Z'), pseudonym: 'anon-1' });
 * [r.erased, (await repos.customers.get('anon-1'))?.displayName, await repos.customers.get('c-1')];
 * //=> [true, 'anon-1', undefined]
 * ```
 */
export async function eraseCustomer(
  customerId: string,
  repositories: SubjectRepositories,
  options: EraseOptions,
): Promise<{ erased: boolean; record: ErasureRecord | null; events: CustomerErased[] }> {
  const now = new Date(requireDate(options?.now, 'now').getTime());
  const valid = (s: unknown) => typeof s === 'string' && s.trim() !== '' && s.length <= 128;
  assert(valid(customerId), 'INVALID_ARGUMENT', { params: { field: 'customerId', rule: 'must be a non-empty string' } });
  assert(valid(options.pseudonym) && options.pseudonym !== customerId, 'INVALID_ARGUMENT', { params: { field: 'pseudonym', rule: 'must be a non-empty string other than the customer id' } });
  const { customers, transactions, interactions, loyaltyLedger } = repositories;
  const customer = await customers.get(customerId);
  if (customer === undefined) return { erased: false, record: null, events: [] };
  const pseudonym = options.pseudonym;
  try {
    await customers.save(pseudonymous(customer, pseudonym, now), { expectedVersion: 0 });
  } catch (e) {
    // A retry: the stand-in was saved by the attempt that failed later.
    if (!isCrmError(e, 'DUPLICATE_ID')) throw e;
  }
  const movedInteractions = interactions ? await interactions.reassignCustomer(customerId, pseudonym) : [];
  const kept = {
    transactions: transactions ? (await transactions.reassignCustomer(customerId, pseudonym)).length : 0,
    interactions: movedInteractions.length,
    loyaltyLedger: loyaltyLedger ? (await loyaltyLedger.reassignCustomer(customerId, pseudonym)).length : 0,
  };
  await customers.delete(customerId);
  const record: ErasureRecord = Object.freeze({
    customerId,
    pseudonym,
    erasedAt: now,
    removed: Object.freeze([...REMOVED]),
    kept: Object.freeze(kept),
    interactionsToReview: Object.freeze([...movedInteractions]),
  });
  return { erased: true, record, events: [domainEvent('CustomerErased', customerId, now, { record })] };
}
