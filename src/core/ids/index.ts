/**
 * Makes a new unique id. crmkit never calls a random source on its own: functions that create
 * records take a `newId` option, defaulting to {@link randomId}.
 *
 * @example
 * ```ts
 * let n = 0;
 * const sequential: IdGenerator = () => `c-${++n}`;
 * ```
 */
export type IdGenerator = () => string;

/**
 * A random UUID v4 from the platform's `crypto.randomUUID`.
 *
 * @returns a UUID string
 *
 * @example
 * ```ts
 * import { randomId } from 'crmkit';
 * randomId().length;
 * //=> 36
 * ```
 */
export const randomId: IdGenerator = () => globalThis.crypto.randomUUID();

/**
 * A deterministic id generator for tests and examples: `prefix-1`, `prefix-2`, ...
 *
 * @param prefix - text before the counter
 * @returns an id generator
 *
 * @example
 * ```ts
 * import { sequentialIds } from 'crmkit';
 * const next = sequentialIds('c');
 * next();
 * next();
 * //=> 'c-2'
 * ```
 */
export function sequentialIds(prefix: string): IdGenerator {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
