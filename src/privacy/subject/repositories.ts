import type { CustomerRepository } from '../../repository/CustomerRepository';
import type { InteractionRepository, TransactionRepository } from '../../repository/CustomerRecordRepository';
import type { LoyaltyLedgerRepository } from '../../repository/LoyaltyLedgerRepository';
import type { Page } from '../../repository/pagination';
import type { ConsentRecord } from '../consent/consentRecord';

/**
 * Where a customer's consent history is kept: anything that can list it by customer id.
 *
 * @example
 * ```ts
 * const histories = new Map<string, ConsentRecord[]>();
 * const reader: ConsentHistoryReader = { historyOf: async (id) => histories.get(id) ?? [] };
 * ```
 */
export interface ConsentHistoryReader {
  historyOf(customerId: string): Promise<readonly ConsentRecord[]>;
}

/**
 * The repositories subject requests read and change (the interfaces of `crmkit/repository`, from
 * any implementation). Only `customers` is required; absent ones are reported as not covered.
 *
 * @example
 * ```ts
 * import { createMemoryRepositories } from 'crmkit/memory';
 * const repos: SubjectRepositories = createMemoryRepositories();
 * ```
 */
export interface SubjectRepositories {
  readonly customers: CustomerRepository;
  readonly transactions?: TransactionRepository;
  readonly interactions?: InteractionRepository;
  readonly loyaltyLedger?: Pick<LoyaltyLedgerRepository, 'entriesOf' | 'reassignCustomer'>;
  readonly consent?: ConsentHistoryReader;
}

/** Every item of a paged listing, page by page (bounded by the repository's own pages). */
export async function allPages<T>(list: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await list(cursor);
    out.push(...page.items);
    if (page.nextCursor === undefined || page.items.length === 0) return out;
    cursor = page.nextCursor;
  }
}
