import { assert } from './errors';
import { requireDate } from '../core/time';

/**
 * One domain event waiting in an outbox. `id` is its idempotency key (the key given to
 * {@link Outbox.enqueue} plus the event's position), so enqueueing the events of a retried request
 * again stores nothing twice and consumers can drop repeats by id.
 *
 * @typeParam E - the event type
 *
 * @example
 * ```ts
 * const m: OutboxMessage<{ type: string }> = { id: 'customer:c-1:v2#0', event: { type: 'CustomerUpdated' }, enqueuedAt: new Date('2026-01-01') };
 * ```
 */
export interface OutboxMessage<E> {
  readonly id: string;
  readonly event: E;
  readonly enqueuedAt: Date;
}

/**
 * Storage for an outbox, implemented by adopters beside their other tables (crmkit ships
 * `MemoryOutboxStore` in crmkit/memory). On a database, write `add` in the same transaction as the
 * change the events describe: that is what makes an outbox reliable.
 *
 * @typeParam E - the event type
 *
 * @example
 * ```ts
 * import { MemoryOutboxStore } from 'crmkit/memory';
 * const store: OutboxStore<{ type: string }> = new MemoryOutboxStore();
 * ```
 */
export interface OutboxStore<E> {
  /** Stores messages; a message whose id is stored already is skipped. */
  add(messages: readonly OutboxMessage<E>[]): Promise<void>;
  /** Up to `limit` unpublished messages, oldest first (then in the order added). */
  pending(limit: number): Promise<OutboxMessage<E>[]>;
  /** Marks messages published; unknown ids are ignored. */
  markPublished(ids: readonly string[], at: Date): Promise<void>;
}

/**
 * Options for {@link Outbox.relay}.
 *
 * @example
 * ```ts
 * const options: RelayOptions = { now: new Date('2026-01-01'), batchSize: 100, maxBatches: 10 };
 * ```
 */
export interface RelayOptions {
  /** When the messages are marked published. Required: crmkit never reads the clock. */
  readonly now: Date;
  /** Messages per batch, 1 to 10,000. Default 100. */
  readonly batchSize?: number;
  /** Batches at most per call (the relay stops by itself), 1 to 1,000,000. Default 100. */
  readonly maxBatches?: number;
}

/**
 * An outbox over an {@link OutboxStore}: `enqueue` the events of a change, and let a relay
 * `publish` them (to a queue, a webhook) in order, at least once. Made by {@link createOutbox}.
 *
 * @typeParam E - the event type
 *
 * @example
 * ```ts
 * const publishAll = (outbox: Outbox<{ type: string }>) => outbox.relay(async () => {}, { now: new Date('2026-01-01') });
 * ```
 */
export interface Outbox<E> {
  /** Stores events under a key (request or change id): message ids are `key#0`, `key#1`, ... */
  enqueue(key: string, events: readonly E[], options: { readonly now: Date }): Promise<readonly OutboxMessage<E>[]>;
  /**
   * Publishes pending messages batch by batch, marking each batch published after `publish`
   * resolves. When `publish` throws, that batch stays pending (so it is published again later:
   * at least once) and the error is thrown. Returns how many messages were published.
   */
  relay(publish: (messages: readonly OutboxMessage<E>[]) => Promise<void>, options: RelayOptions): Promise<number>;
}

function wholeIn(value: number, min: number, max: number, field: string): number {
  assert(Number.isSafeInteger(value) && value >= min && value <= max, 'INVALID_ARGUMENT', {
    params: { field, rule: `must be a whole number from ${min} to ${max}` },
  });
  return value;
}

/**
 * Creates an {@link Outbox}: the transactional-outbox pattern (store the events with the change,
 * publish them afterwards) over any {@link OutboxStore}. Delivery is at least once: a relay that
 * fails between `publish` and marking the batch publishes it again, so consumers drop repeats by
 * message id.
 *
 * @param store - where messages wait
 * @returns the outbox
 * @throws {CrmError} from `enqueue`: `INVALID_ARGUMENT` for an empty key or a non-array of events,
 *   `INVALID_DATE` for a bad `now`; from `relay`: `INVALID_ARGUMENT` for bad batch options, and
 *   whatever `publish` throws
 *
 * @example
 * ```ts
 * import { MemoryOutboxStore } from 'crmkit/memory';
 * import { createOutbox } from 'crmkit/service';
 * const outbox = createOutbox<{ type: string }>(new MemoryOutboxStore());
 * const now = new Date('2026-01-01T00:00:00Z');
 * await outbox.enqueue('order-1', [{ type: 'PointsEarned' }], { now });
 * await outbox.enqueue('order-1', [{ type: 'PointsEarned' }], { now }); // a retry: stored once
 * const seen: string[] = [];
 * await outbox.relay(async (batch) => { seen.push(...batch.map((m) => m.id)); }, { now });
 * //=> 1
 * seen;
 * //=> ['order-1#0']
 * ```
 */
export function createOutbox<E>(store: OutboxStore<E>): Outbox<E> {
  return {
    async enqueue(key, events, options) {
      assert(typeof key === 'string' && key !== '', 'INVALID_ARGUMENT', { params: { field: 'key', rule: 'must be a non-empty string' } });
      assert(Array.isArray(events), 'INVALID_ARGUMENT', { params: { field: 'events', rule: 'must be an array' } });
      const at = requireDate(options?.now, 'now');
      const messages = events.map((event, i) => Object.freeze({ id: `${key}#${i}`, event, enqueuedAt: new Date(at) }));
      if (messages.length > 0) await store.add(messages);
      return Object.freeze(messages);
    },
    async relay(publish, options) {
      const now = requireDate(options?.now, 'now');
      const batchSize = wholeIn(options.batchSize ?? 100, 1, 10_000, 'batchSize');
      const maxBatches = wholeIn(options.maxBatches ?? 100, 1, 1_000_000, 'maxBatches');
      let published = 0;
      for (let b = 0; b < maxBatches; b++) {
        const batch = await store.pending(batchSize);
        if (batch.length === 0) break;
        await publish(batch);
        await store.markPublished(batch.map((m) => m.id), now);
        published += batch.length;
        if (batch.length < batchSize) break;
      }
      return published;
    },
  };
}
