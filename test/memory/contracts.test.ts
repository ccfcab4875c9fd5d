// Our in-memory reference implementation must pass the same contract suites adopters run.
import { createMemoryRepositories, MemoryCustomerRepository } from 'crmkit/memory';
import { customerRepositoryContract, interactionRepositoryContract, transactionRepositoryContract } from 'crmkit/testing';

customerRepositoryContract(() => new MemoryCustomerRepository());
transactionRepositoryContract(() => createMemoryRepositories().transactions);
interactionRepositoryContract(() => createMemoryRepositories().interactions);
