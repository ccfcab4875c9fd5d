import { assert } from './errors';
import { requireIterable } from '../core/guards';
import { requireDate } from '../core/time';
import type { OutboxMessage, OutboxStore } from '../service/outbox';

/**
 * The in-memory {@link OutboxStore}: messages in the order added, skipped when their id is stored
 * already, kept after publishing (with the time) so a repeat is still recognised.
 *
 * @typeParam E - the event type
 *
 * @example
 * ```ts
 * import { MemoryOutboxStore } from 'crmkit/memory';
 * const store = new MemoryOutboxStore<{ type: string }>();
 * await store.add([{ id: 'k#0', event: { type: 'X' }, enqueuedAt: new Date('2026-01-01') }]);
 * (await store.pending(10)).length;
 * //=> 1
 * await store.markPublished(['k#0'], new Date('2026-01-01'));
 * (await store.pending(10)).length;
 * //=> 0
 * ```
 */
export class MemoryOutboxStore<E> implements OutboxStore<E> {
  readonly #messages = new Map<string, { message: OutboxMessage<E>; publishedAt?: Date }>();
  /** Ids not yet published, in the order added. */
  readonly #pending = new Set<string>();

  async add(messages: readonly OutboxMessage<E>[]): Promise<void> {
    assert(Array.isArray(messages), 'INVALID_ARGUMENT', { params: { field: 'messages', rule: 'must be an array' } });
    for (const m of messages) {
      assert(m !== null && typeof m === 'object' && typeof m.id === 'string' && m.id !== '', 'INVALID_ARGUMENT', {
        params: { field: 'messages.id', rule: 'must be a non-empty string' },
      });
    }
    for (const m of messages) {
      if (this.#messages.has(m.id)) continue;
      this.#messages.set(m.id, { message: Object.freeze({ ...m, enqueuedAt: new Date(m.enqueuedAt) }) });
      this.#pending.add(m.id);
    }
  }

  async pending(limit: number): Promise<OutboxMessage<E>[]> {
    assert(Number.isSafeInteger(limit) && limit >= 1, 'INVALID_ARGUMENT', { params: { field: 'limit', rule: 'must be a whole number, at least 1' } });
    const out: OutboxMessage<E>[] = [];
    for (const id of this.#pending) {
      if (out.length >= limit) break;
      out.push((this.#messages.get(id) as { message: OutboxMessage<E> }).message);
    }
    return out;
  }

  async markPublished(ids: readonly string[], at: Date): Promise<void> {
    requireDate(at, 'at');
    for (const id of requireIterable<string>(ids, 'ids')) {
      const row = this.#messages.get(id);
      if (row === undefined || row.publishedAt !== undefined) continue;
      row.publishedAt = new Date(at);
      this.#pending.delete(id);
    }
  }

  /** How many messages are stored, published or not. */
  get size(): number {
    return this.#messages.size;
  }
}
