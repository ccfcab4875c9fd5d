import type { Interaction } from '../customer/interaction';
import { InteractionSchema } from '../customer/interaction';
import type { Transaction } from '../customer/transaction';
import { TransactionSchema } from '../customer/transaction';
import type { CustomerRepository } from '../repository/CustomerRepository';
import type { InteractionRepository, TransactionRepository } from '../repository/CustomerRecordRepository';
import type { LoyaltyLedgerRepository } from '../repository/LoyaltyLedgerRepository';
import type { OpportunityRepository } from '../repository/OpportunityRepository';
import { MemoryCustomerRecordRepository } from './MemoryCustomerRecordRepository';
import { MemoryCustomerRepository } from './MemoryCustomerRepository';
import { MemoryLoyaltyLedgerRepository } from './MemoryLoyaltyLedgerRepository';
import { MemoryOpportunityRepository } from './MemoryOpportunityRepository';

/**
 * The set of repositories crmkit works with.
 *
 * @example
 * ```ts
 * import { createMemoryRepositories } from 'crmkit/memory';
 * const repos: MemoryRepositories = createMemoryRepositories();
 * ```
 */
export interface MemoryRepositories {
  readonly customers: CustomerRepository;
  readonly transactions: TransactionRepository;
  readonly interactions: InteractionRepository;
  readonly loyaltyLedger: LoyaltyLedgerRepository;
  readonly opportunities: OpportunityRepository;
}

/**
 * Creates fresh, empty in-memory repositories: the reference implementation and the embedded
 * default for demos, tests and small deployments. State lives only in the returned objects.
 *
 * @returns customers, transactions, interactions, loyalty ledger and opportunities repositories
 *
 * @example
 * ```ts
 * import { createMemoryRepositories } from 'crmkit/memory';
 * const { customers } = createMemoryRepositories();
 * await customers.count();
 * //=> 0
 * ```
 */
export function createMemoryRepositories(): MemoryRepositories {
  return {
    customers: new MemoryCustomerRepository(),
    transactions: new MemoryCustomerRecordRepository<Transaction>('transaction', TransactionSchema),
    interactions: new MemoryCustomerRecordRepository<Interaction>('interaction', InteractionSchema),
    loyaltyLedger: new MemoryLoyaltyLedgerRepository(),
    opportunities: new MemoryOpportunityRepository(),
  };
}
