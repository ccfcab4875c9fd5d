import { CrmError } from './errors';

/** Encodes a keyset position as an opaque cursor. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}. */
export function decodeCursor(cursor: string): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key;
  } catch {
    // fall through to the typed error
  }
  throw new CrmError('INVALID_ARGUMENT', { params: { field: 'cursor', rule: 'not a cursor this repository issued' } });
}

/** Validates and defaults a page size. */
export function pageLimit(limit: number | undefined): number {
  const n = limit ?? 100;
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'limit', rule: 'must be an integer from 1 to 1000' } });
  }
  return n;
}

/** Index of the first element greater than `key` in a sorted array (by `compare`). */
export function upperBound<T, K>(sorted: readonly T[], key: K, compare: (item: T, key: K) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(sorted[mid] as T, key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
