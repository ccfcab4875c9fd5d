// The in-memory ledger must pass the contract suite adopters run against their own storage.
import { createMemoryRepositories, MemoryLoyaltyLedgerRepository } from 'crmkit/memory';
import { loyaltyLedgerRepositoryContract } from 'crmkit/testing';

loyaltyLedgerRepositoryContract(() => new MemoryLoyaltyLedgerRepository());
loyaltyLedgerRepositoryContract(() => createMemoryRepositories().loyaltyLedger);
