// The contract suites against an adopter-style implementation that is not crmkit/memory (rows as
// JSON text, separate index tables). scripts/mutate-contracts.mjs runs this file once per planted bug;
// CRMKIT_ADOPTER_IMPL points it at the mutated copy.
import { customerRepositoryContract, transactionRepositoryContract } from 'crmkit/testing';
import * as reference from './adopter/serialisedRepositories';

const implementation = (process.env.CRMKIT_ADOPTER_IMPL ? await import(process.env.CRMKIT_ADOPTER_IMPL) : reference) as typeof reference;

customerRepositoryContract(() => new implementation.SerialisedCustomerRepository());
transactionRepositoryContract(() => new implementation.SerialisedTransactionRepository());
