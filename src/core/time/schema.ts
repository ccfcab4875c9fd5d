import { z } from 'zod';
import { lazySchema } from '../zod/lazySchema';

/**
 * zod schema for an instant: a valid `Date`, or an ISO 8601 date-time string with an offset
 * (`2026-01-01T08:00:00+08:00`), or a plain date (`2026-01-01`, read as UTC midnight). Outputs a Date.
 *
 * @example
 * ```ts
 * import { DateSchema } from 'crmkit';
 * DateSchema.parse('2026-01-01T00:00:00Z').toISOString();
 * //=> '2026-01-01T00:00:00.000Z'
 * ```
 */
export const DateSchema = /* @__PURE__ */ lazySchema(() => z.union([
  z.date(),
  z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  z.iso.date().transform((s) => new Date(`${s}T00:00:00Z`)),
]));
