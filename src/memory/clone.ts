import { assert } from './errors';
import { Money } from '../core/money/Money';

/** Nesting deeper than this is refused: stored records are a few levels deep, and recursion must not exhaust the stack. */
const MAX_DEPTH = 1000;

/**
 * A deep copy of plain data: objects, arrays and Dates are copied; immutable values (Money,
 * primitives) are shared. Used so that callers can never mutate stored state by accident.
 *
 * Cycles are refused rather than reproduced: what the repositories store must also fit a database
 * row or JSON, where a cycle cannot exist. An object reached twice without a cycle (a shared,
 * acyclic reference) is copied twice.
 *
 * @param value - plain data, acyclic and nested at most 1000 levels deep
 * @returns an independent copy
 * @throws {CrmError} `INVALID_ARGUMENT` for a cyclic value or one nested deeper than 1000 levels
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
  return copy(value, new Set(), 0) as T;
}

/** `ancestors` holds the objects on the path from the root: meeting one again is a cycle. */
function copy(value: unknown, ancestors: Set<object>, depth: number): unknown {
  if (value === null || typeof value !== 'object' || Money.isMoney(value)) return value;
  if (value instanceof Date) return new Date(value.getTime());
  assert(!ancestors.has(value), 'INVALID_ARGUMENT', { params: { field: 'value', rule: 'must not be cyclic' } });
  assert(depth < MAX_DEPTH, 'INVALID_ARGUMENT', { params: { field: 'value', rule: `is nested deeper than ${MAX_DEPTH} levels` } });
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((x) => copy(x, ancestors, depth + 1));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, { value: copy((value as Record<string, unknown>)[key], ancestors, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
}
