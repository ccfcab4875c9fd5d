// createOutbox over MemoryOutboxStore: enqueue is idempotent by key, relay publishes in order at
// least once and stops by itself. Expected ids and counts are written out by hand from the calls.
import { describe, expect, it } from 'vitest';
import { isCrmError } from 'crmkit';
import { MemoryOutboxStore } from 'crmkit/memory';
import { type OutboxMessage, createOutbox } from 'crmkit/service';

const now = new Date('2026-01-01T00:00:00Z');
type Ev = { type: string; n: number };

describe('createOutbox', () => {
  it('numbers messages key#i, stores a retried enqueue once, relays in order', async () => {
    const store = new MemoryOutboxStore<Ev>();
    const outbox = createOutbox(store);
    const m = await outbox.enqueue('req-1', [{ type: 'A', n: 1 }, { type: 'B', n: 2 }], { now });
    expect(m.map((x) => x.id)).toEqual(['req-1#0', 'req-1#1']);
    await outbox.enqueue('req-1', [{ type: 'A', n: 1 }, { type: 'B', n: 2 }], { now });
    await outbox.enqueue('req-2', [{ type: 'C', n: 3 }], { now });
    expect(store.size).toBe(3);
    const seen: string[] = [];
    expect(await outbox.relay(async (batch) => void seen.push(...batch.map((x) => x.id)), { now, batchSize: 2 })).toBe(3);
    expect(seen).toEqual(['req-1#0', 'req-1#1', 'req-2#0']);
    expect(await outbox.relay(async () => {}, { now })).toBe(0);
  });

  it('a failing publish leaves its batch pending (published again: at least once)', async () => {
    const outbox = createOutbox(new MemoryOutboxStore<Ev>());
    await outbox.enqueue('k', [{ type: 'A', n: 1 }], { now });
    await expect(outbox.relay(async () => { throw new Error('broker down'); }, { now })).rejects.toThrow('broker down');
    const seen: OutboxMessage<Ev>[] = [];
    expect(await outbox.relay(async (b) => void seen.push(...b), { now })).toBe(1);
    expect(seen.map((x) => x.event.type)).toEqual(['A']);
  });

  it('stops after maxBatches (bounded)', async () => {
    const outbox = createOutbox(new MemoryOutboxStore<Ev>());
    await outbox.enqueue('k', Array.from({ length: 10 }, (_, n) => ({ type: 'A', n })), { now });
    expect(await outbox.relay(async () => {}, { now, batchSize: 3, maxBatches: 2 })).toBe(6);
    expect(await outbox.relay(async () => {}, { now, batchSize: 3 })).toBe(4);
  });

  it('checks its arguments', async () => {
    const outbox = createOutbox(new MemoryOutboxStore<Ev>());
    const code = async (p: Promise<unknown>) => p.then(() => 'no error', (e) => (isCrmError(e) ? e.code : String(e)));
    expect(await code(outbox.enqueue('', [], { now }))).toBe('INVALID_ARGUMENT');
    expect(await code(outbox.enqueue('k', [], { now: new Date(Number.NaN) }))).toBe('INVALID_DATE');
    expect(await code(outbox.relay(async () => {}, { now, batchSize: 0 }))).toBe('INVALID_ARGUMENT');
  });
});
