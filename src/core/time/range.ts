/**
 * The first instant crmkit accepts: 0001-01-01T00:00:00.000Z.
 *
 * @internal
 */
export const MIN_TIME = -62_135_596_800_000;

/**
 * The last instant crmkit accepts: 9999-12-31T23:59:59.999Z (ISO 8601 and PostgreSQL stop here too).
 *
 * @internal
 */
export const MAX_TIME = 253_402_300_799_999;

/**
 * Whether an epoch-millisecond value is an instant crmkit accepts: within years 0001-9999 (UTC).
 * NaN is not.
 *
 * @internal
 */
export function isTimeInRange(ms: number): boolean {
  return ms >= MIN_TIME && ms <= MAX_TIME;
}
