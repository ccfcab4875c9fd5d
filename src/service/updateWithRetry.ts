import { assert, CrmError } from './errors';
import { isCrmError } from '../core/errors/CrmError';

/**
 * What {@link updateWithRetry} needs from a repository: `get` and a versioned `save` (a
 * compare-and-set on `version`). `CustomerRepository` (crmkit/repository) fits, and so does any
 * adopter repository of versioned entities.
 *
 * @typeParam T - the entity type
 *
 * @example
 * ```ts
 * import { createMemoryRepositories } from 'crmkit/memory';
 * import type { Customer } from 'crmkit';
 * const { customers }: { customers: VersionedRepository<Customer> } = createMemoryRepositories();
 * ```
 */
export interface VersionedRepository<T extends { readonly id: string; readonly version: number }> {
  get(id: string): Promise<T | undefined>;
  save(entity: T, options: { readonly expectedVersion: number }): Promise<T>;
}

/**
 * What an update step returns: the changed entity and the domain events beside it (the shape of
 * `updateCustomer`). Returning the entity it was given (the same object) means "no change": nothing
 * is saved.
 *
 * @example
 * ```ts
 * import type { Customer } from 'crmkit';
 * const unchanged = (customer: Customer): Updated<Customer, never> => ({ customer, events: [] });
 * ```
 */
export interface Updated<T, E> {
  readonly customer: T;
  readonly events: readonly E[];
}

/**
 * Options for {@link updateWithRetry}.
 *
 * @example
 * ```ts
 * const options: UpdateWithRetryOptions = { maxAttempts: 5, expectedVersion: 3 };
 * ```
 */
export interface UpdateWithRetryOptions {
  /** Attempts in all (load, apply, save), 1 to 100. Default 3. */
  readonly maxAttempts?: number;
  /**
   * The version the caller's change was based on (an HTTP `If-Match`). When given, a stored version
   * that differs fails at once with `CONCURRENCY_CONFLICT` and is not retried: the caller must see
   * the newer entity first. Default: none (any version; conflicts are retried on fresh data).
   */
  readonly expectedVersion?: number;
}

/**
 * What {@link updateWithRetry} did: the entity as stored, the events of the attempt that was saved,
 * and how many attempts it took.
 *
 * @example
 * ```ts
 * const r: UpdateWithRetryResult<{ id: string; version: number }, never> = {
 *   customer: { id: 'c-1', version: 2 }, events: [], attempts: 1, saved: true,
 * };
 * ```
 */
export interface UpdateWithRetryResult<T, E> extends Updated<T, E> {
  readonly attempts: number;
  /** false when the step changed nothing and nothing was saved. */
  readonly saved: boolean;
}

function conflict(id: string, expected: number, actual: number): never {
  assert(false, 'CONCURRENCY_CONFLICT', {
    params: { entity: 'record', id, expected, actual },
    details: { id, expectedVersion: expected, actualVersion: actual },
  });
}

/**
 * Optimistic update with retry, the orchestration every backend writes around a versioned
 * repository: load the entity, apply a pure step to it (`updateCustomer`, say), save it with
 * `expectedVersion` set to the version loaded, and when the save fails with
 * `CONCURRENCY_CONFLICT` (someone saved in between) start again from a fresh load, up to
 * `maxAttempts` times. The step may run more than once, so it must be pure: it gets the current
 * entity and the attempt number (1-based), and returns `{ customer, events }`; only the events of the
 * attempt that was saved are returned, so none are published twice.
 *
 * @param repository - a {@link VersionedRepository}, such as a `CustomerRepository`
 * @param id - the entity's id
 * @param apply - the pure step
 * @param options - `maxAttempts` (default 3), `expectedVersion` (default none)
 * @returns the stored entity, the saved attempt's events, the number of attempts, whether it saved
 * @throws {CrmError} `NOT_FOUND` when there is no entity with this id; `CONCURRENCY_CONFLICT` when
 *   `expectedVersion` is stale or every attempt lost its race; `INVALID_ARGUMENT` for a bad
 *   `maxAttempts` or `expectedVersion`; whatever `apply` or `save` throw otherwise (not retried)
 *
 * @example
 * ```ts
 * import { createCustomer, updateCustomer } from 'crmkit';
 * import { createMemoryRepositories } from 'crmkit/memory';
 * import { updateWithRetry } from 'crmkit/service';
 * const { customers } = createMemoryRepositories();
 * const now = new Date('2026-01-01T00:00:00Z');
 * await customers.save(createCustomer({ id: 'c-1', kind: 'person', displayName: 'Ann' }, { now }).customer);
 * const r = await updateWithRetry(customers, 'c-1', (c) => updateCustomer(c, { ownerId: 'u-7' }, { now }));
 * [r.customer.version, r.customer.ownerId, r.events[0]?.type, r.attempts];
 * //=> [2, 'u-7', 'CustomerUpdated', 1]
 * ```
 */
export async function updateWithRetry<T extends { readonly id: string; readonly version: number }, E>(
  repository: VersionedRepository<T>,
  id: string,
  apply: (current: T, attempt: number) => Updated<T, E> | Promise<Updated<T, E>>,
  options: UpdateWithRetryOptions = {},
): Promise<UpdateWithRetryResult<T, E>> {
  if (repository === null || typeof repository !== 'object' || typeof repository.get !== 'function' || typeof repository.save !== 'function') {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'repository', rule: 'must have get and save' } });
  }
  const maxAttempts = options.maxAttempts ?? 3;
  assert(Number.isSafeInteger(maxAttempts) && maxAttempts >= 1 && maxAttempts <= 100, 'INVALID_ARGUMENT', {
    params: { field: 'maxAttempts', rule: 'must be a whole number from 1 to 100' },
  });
  const pinned = options.expectedVersion;
  assert(pinned === undefined || (Number.isSafeInteger(pinned) && pinned >= 1), 'INVALID_ARGUMENT', {
    params: { field: 'expectedVersion', rule: 'must be a whole number, at least 1' },
  });
  assert(typeof id === 'string' && id !== '', 'INVALID_ARGUMENT', { params: { field: 'id', rule: 'must be a non-empty string' } });
  for (let attempt = 1; ; attempt++) {
    const current = await repository.get(id);
    assert(current !== undefined, 'NOT_FOUND', { params: { entity: 'record', id }, details: { id } });
    if (pinned !== undefined && current.version !== pinned) conflict(id, pinned, current.version);
    const next = await apply(current, attempt);
    if (next.customer === current) return { customer: current, events: [...next.events], attempts: attempt, saved: false };
    try {
      const stored = await repository.save(next.customer, { expectedVersion: current.version });
      return { customer: stored, events: [...next.events], attempts: attempt, saved: true };
    } catch (e) {
      if (!isCrmError(e, 'CONCURRENCY_CONFLICT') || attempt >= maxAttempts) throw e;
    }
  }
}
