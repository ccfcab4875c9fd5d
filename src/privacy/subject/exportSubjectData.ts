import { assert } from '../errors';
import { requireDate } from '../../core/time';
import type { ContactPoint } from '../../customer/contactPoint';
import type { Customer } from '../../customer/customer';
import type { Interaction } from '../../customer/interaction';
import type { Transaction } from '../../customer/transaction';
import type { LedgerEntry } from '../../loyalty/ledger/entry';
import type { ConsentRecord } from '../consent/consentRecord';
import { type SubjectRepositories, allPages } from './repositories';

/**
 * The sections of a {@link SubjectDataExport}.
 *
 * @example
 * ```ts
 * const s: SubjectDataSection = 'transactions';
 * ```
 */
export type SubjectDataSection = 'profile' | 'contactPoints' | 'consentHistory' | 'transactions' | 'interactions' | 'loyaltyLedger';

/**
 * The manifest of an export: what it is, for whom, as of when, and per section how many items it
 * holds, or `null` when no repository for it was given (so the reader knows what was not searched).
 *
 * @example
 * ```ts
 * const counts = (m: SubjectDataManifest) => m.sections.transactions;
 * ```
 */
export interface SubjectDataManifest {
  readonly format: 'crmkit.subject-data/1';
  readonly customerId: string;
  readonly asOf: string;
  readonly found: boolean;
  readonly sections: Readonly<Record<SubjectDataSection, number | null>>;
}

/**
 * Everything crmkit-shaped held about one person (个人信息查阅、复制, PIPL art. 45; GDPR art. 15 and
 * 20): one document, ready for `JSON.stringify` (dates become ISO strings, money `{ amount, currency }`).
 *
 * @example
 * ```ts
 * const size = (e: SubjectDataExport) => JSON.stringify(e).length;
 * ```
 */
export interface SubjectDataExport {
  readonly manifest: SubjectDataManifest;
  readonly profile: Omit<Customer, 'contactPoints'> | null;
  readonly contactPoints: readonly ContactPoint[];
  readonly consentHistory: readonly ConsentRecord[];
  readonly transactions: readonly Transaction[];
  readonly interactions: readonly Interaction[];
  readonly loyaltyLedger: readonly LedgerEntry[];
}

const upTo = <T>(items: readonly T[], asOf: number, at: (t: T) => Date): T[] => items.filter((t) => at(t).getTime() <= asOf);

/**
 * Exports the data held about one customer (a subject access or portability request): profile,
 * contact points, consent history, transactions, interactions and loyalty ledger, with a manifest.
 * Records dated after `asOf` are left out, so an export is reproducible.
 *
 * @param customerId - the customer
 * @param repositories - see {@link SubjectRepositories}
 * @param options - `asOf` (required): the instant the export speaks for
 * @returns the export; see {@link SubjectDataExport}
 * @throws {CrmError} `INVALID_ARGUMENT` for a bad id; `INVALID_DATE` for a bad `asOf`; whatever the
 *   repositories throw
 *
 * @example
 * ```ts
 * import { createMemoryRepositories } from 'crmkit/memory';
 * import { exportSubjectData } from 'crmkit/privacy';
 * const repos = createMemoryRepositories();
 * const doc = await exportSubjectData('c-404', repos, { asOf: new Date('2026-03-01T00:00:00Z') });
 * [doc.manifest.found, doc.manifest.sections.transactions];
 * //=> [false, 0]
 * ```
 */
export async function exportSubjectData(customerId: string, repositories: SubjectRepositories, options: { readonly asOf: Date }): Promise<SubjectDataExport> {
  assert(typeof customerId === 'string' && customerId !== '' && customerId.length <= 128, 'INVALID_ARGUMENT', { params: { field: 'customerId', rule: 'must be a non-empty string' } });
  const asOfDate = requireDate(options?.asOf, 'asOf');
  const asOf = asOfDate.getTime();
  assert(repositories !== null && typeof repositories === 'object' && repositories.customers !== undefined, 'INVALID_ARGUMENT', { params: { field: 'repositories.customers', rule: 'is required' } });
  const customer = await repositories.customers.get(customerId);
  const { transactions: txRepo, interactions: ixRepo, loyaltyLedger, consent } = repositories;
  const transactions = txRepo ? upTo(await allPages((cursor) => txRepo.listByCustomer(customerId, { limit: 1000, ...(cursor !== undefined && { cursor }) })), asOf, (t) => t.occurredAt) : null;
  const interactions = ixRepo ? upTo(await allPages((cursor) => ixRepo.listByCustomer(customerId, { limit: 1000, ...(cursor !== undefined && { cursor }) })), asOf, (t) => t.occurredAt) : null;
  const ledger = loyaltyLedger ? upTo(await loyaltyLedger.entriesOf(customerId), asOf, (e) => e.occurredAt) : null;
  const history = consent ? upTo(await consent.historyOf(customerId), asOf, (r) => (r.action === 'grant' ? r.givenAt : r.withdrawnAt)) : null;
  let profile: Omit<Customer, 'contactPoints'> | null = null;
  let contactPoints: ContactPoint[] = [];
  if (customer !== undefined) {
    const { contactPoints: points, ...rest } = customer;
    profile = rest;
    contactPoints = [...points];
  }
  return {
    manifest: {
      format: 'crmkit.subject-data/1',
      customerId,
      asOf: asOfDate.toISOString(),
      found: customer !== undefined,
      sections: {
        profile: profile === null ? 0 : 1,
        contactPoints: contactPoints.length,
        consentHistory: history?.length ?? null,
        transactions: transactions?.length ?? null,
        interactions: interactions?.length ?? null,
        loyaltyLedger: ledger?.length ?? null,
      },
    },
    profile,
    contactPoints,
    consentHistory: history ?? [],
    transactions: transactions ?? [],
    interactions: interactions ?? [],
    loyaltyLedger: ledger ?? [],
  };
}
