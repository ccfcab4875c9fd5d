// Our in-memory opportunity repository must pass the contract suite adopters run, both built
// directly and as part of createMemoryRepositories.
import { createMemoryRepositories, MemoryOpportunityRepository } from 'crmkit/memory';
import { opportunityRepositoryContract } from 'crmkit/testing';

opportunityRepositoryContract(() => new MemoryOpportunityRepository());
opportunityRepositoryContract(() => createMemoryRepositories().opportunities);
