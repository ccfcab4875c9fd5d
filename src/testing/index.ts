/**
 * Contract suites adopters run against their own repository implementations (vitest suites), and
 * fixtures for their tests. Requires vitest (an optional peer dependency).
 *
 * @module testing
 */
export { customerRepositoryContract, type RepositoryFactory } from './customerContract';
export { interactionRepositoryContract, transactionRepositoryContract } from './customerRecordContract';
export { sampleCustomer, sampleInteraction, sampleTransaction } from './fixtures';
export { loyaltyLedgerRepositoryContract } from './loyaltyLedgerContract';
export { opportunityRepositoryContract } from './opportunityContract';
export { sampleOpportunity } from './sampleOpportunity';
