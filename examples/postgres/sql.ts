// Helpers shared by the PostgreSQL repositories: keyset cursors, page sizes, driver error codes and
// the VALIDATION_FAILED error. Adopters copying this folder keep them together with the repositories.
import { CrmError } from 'crmkit/core';

/**
 * An `expectedVersion` (or null for "any version"), checked before it reaches SQL.
 * @throws {CrmError} `INVALID_ARGUMENT` unless it is null or a non-negative integer
 */
export function checkExpectedVersion(expected: number | null): void {
  if (expected !== null && (!Number.isInteger(expected) || expected < 0)) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'expectedVersion', rule: 'must be a non-negative integer' } });
  }
}

/** The rows found for `ids`, revived, in the order of `ids`; ids with no row are left out. */
export function inRequestedOrder<R extends { id: string }, T>(ids: readonly string[], rows: readonly R[], revive: (row: R) => T): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: T[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) out.push(revive(row));
  }
  return out;
}

/** The SQLSTATE of a driver error (`23505` is unique_violation), or undefined for other errors. */
export function sqlState(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A keyset position (for example `[occurredAt ISO string, id]`) as an opaque cursor. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The keyset position of a cursor made by {@link encodeCursor} with `length` parts.
 * @throws {CrmError} `INVALID_ARGUMENT` for anything else
 */
export function decodeCursor(cursor: string, length: number): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === 'string')) return key as string[];
  } catch {
    // the typed error below
  }
  throw new CrmError('INVALID_ARGUMENT', { params: { field: 'cursor', rule: 'not a cursor this repository issued' } });
}

/**
 * A page size: 1 to 1000, default 100.
 * @throws {CrmError} `INVALID_ARGUMENT` outside that range
 */
export function pageLimit(limit: number | undefined): number {
  const n = limit ?? 100;
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'limit', rule: 'must be an integer from 1 to 1000' } });
  }
  return n;
}

/** `VALIDATION_FAILED` for a row the entity's zod schema refused, with zod's issues in `details`. */
export function validationFailed(entity: string, issues: readonly { path: PropertyKey[]; code: string; message: string }[]): CrmError {
  return new CrmError('VALIDATION_FAILED', {
    params: { entity },
    details: { issues: issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) },
  });
}

/**
 * The rows of a keyset query fetched with `LIMIT limit + 1`: the page, and the next cursor when the
 * extra row shows there is more.
 */
export function pageOf<R, T>(rows: readonly R[], limit: number, toItem: (row: R) => T, keyOf: (row: R) => string[]): { items: T[]; nextCursor?: string } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  const items = kept.map(toItem);
  return more && last !== undefined ? { items, nextCursor: encodeCursor(keyOf(last)) } : { items };
}

const UNSTORABLE_TEXT = new Set(['22P05', '22021']);

/**
 * Maps a driver error for text PostgreSQL cannot store (a NUL character in text or jsonb) to
 * `VALIDATION_FAILED`; returns any other error unchanged.
 */
export function unstorableAsInvalid(entity: string, e: unknown): unknown {
  const state = sqlState(e);
  return state !== undefined && UNSTORABLE_TEXT.has(state)
    ? validationFailed(entity, [{ path: [], code: 'custom', message: 'contains text PostgreSQL cannot store (NUL)' }])
    : e;
}

/** A Date as the ISO 8601 text PostgreSQL reads into `timestamptz` exactly (milliseconds, UTC). */
export const iso = (d: Date): string => d.toISOString();

/**
 * A `from`/`to` bound as ISO text, or null when absent.
 * @throws {CrmError} `INVALID_ARGUMENT` for anything but a valid Date
 */
export function bound(d: Date | undefined, field: string): string | null {
  if (d === undefined) return null;
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field, rule: 'expected a Date or an ISO 8601 date-time with offset' } });
  }
  return d.toISOString();
}

/** The keyset position `[occurredAt ISO, id]` of a cursor, or nulls for the first page. */
export const timeCursor = (cursor: string | undefined): [string | null, string | null] =>
  cursor === undefined ? [null, null] : (decodeCursor(cursor, 2) as [string, string]);

/**
 * Checks the customer a merge re-points records to.
 * @throws {CrmError} `INVALID_ARGUMENT` unless it is a non-empty string
 */
export function checkTarget(toCustomerId: string): void {
  if (typeof toCustomerId !== 'string' || toCustomerId.length === 0) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'toCustomerId', rule: 'must be a non-empty string' } });
  }
}

/** `CONCURRENCY_CONFLICT` for a versioned save or delete that expected another stored version. */
export function versionConflict(entity: string, id: string, expected: number, actual: number): CrmError {
  return new CrmError('CONCURRENCY_CONFLICT', {
    params: { entity, id, expected, actual },
    details: { id, expectedVersion: expected, actualVersion: actual },
  });
}
