/** The service's storage in memory: crmkit's memory repositories and outbox (tests, quick trials). */
import type { DomainEvent } from 'crmkit';
import { MemoryOutboxStore, createMemoryRepositories } from 'crmkit/memory';
import { compileSegment, parseSegmentRule } from 'crmkit/segmentation';
import { createOutbox } from 'crmkit/service';
import type { SegmentStore, Storage, StoredSegment } from '../context';

/** Nothing is shared between requests but the process, so `transact` just runs the work. */
export function memoryStorage(): Storage {
  const repositories = createMemoryRepositories();
  const outbox = createOutbox(new MemoryOutboxStore<DomainEvent<string>>());
  const stored = new Map<string, StoredSegment>();
  const segments: SegmentStore = {
    async put(segment) {
      const s = { id: segment.id, name: segment.name, rule: parseSegmentRule(segment.rule) };
      stored.set(s.id, s);
      return s;
    },
    get: async (id) => stored.get(id),
    list: async () => [...stored.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    // Stream the customers after the cursor and test each with the compiled rule (PostgreSQL: toSql).
    async members(rule, { asOf, metrics, after = '', limit }) {
      const selects = compileSegment(rule, { asOf });
      const items: { id: string; displayName: string }[] = [];
      for await (const customer of repositories.customers.stream({ batchSize: 500 })) {
        if (customer.id <= after || !selects(customer, metrics.get(customer.id))) continue;
        if (items.length === limit) return { items, nextCursor: (items[items.length - 1] as { id: string }).id };
        items.push({ id: customer.id, displayName: customer.displayName });
      }
      return { items };
    },
  };
  return { name: 'memory', repositories, outbox, segments, transact: (work) => work({ repositories, outbox }), close: async () => {} };
}
