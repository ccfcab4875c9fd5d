import { Money } from '../core/money/Money';

/**
 * A deep copy of plain data: objects, arrays and Dates are copied; immutable values (Money,
 * primitives) are shared. Used so that callers can never mutate stored state by accident.
 *
 * @param value - plain data
 * @returns an independent copy
 *
 * @example
 * ```ts
 * import { cloneData } from 'crmkit/memory';
 * const a = { when: new Date(0), tags: ['x'] };
 * cloneData(a).tags === a.tags;
 * //=> false
 * ```
 */
export function cloneData<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Money.isMoney(value)) return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(cloneData) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, { value: cloneData((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}
