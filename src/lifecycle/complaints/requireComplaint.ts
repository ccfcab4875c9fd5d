import { assert } from '../errors';
import { isDense } from '../../core/guards';
import { requireDate } from '../../core/time';
import type { Complaint } from './complaint';

/**
 * Checks the shape of a complaint ({@link openComplaint}'s) before the workflow or the SLA reads
 * it: an object with string `id`, `customerId` and `priority`, a valid `openedAt`, a `state` with a
 * string `stage` and a valid `since`, and a dense `history` of stages with valid `at` Dates.
 *
 * @throws {CrmError} `INVALID_ARGUMENT` naming `field`; `INVALID_DATE` for a date in it
 * @internal
 */
export function requireComplaint(complaint: unknown, field = 'complaint'): Complaint {
  const c = complaint as Partial<Complaint> | null;
  assert(
    c !== null &&
      typeof c === 'object' &&
      typeof c.id === 'string' &&
      typeof c.customerId === 'string' &&
      typeof c.priority === 'string' &&
      c.state !== null &&
      typeof c.state === 'object' &&
      typeof c.state.stage === 'string' &&
      Array.isArray(c.history) &&
      isDense(c.history) &&
      c.history.every((h) => h !== null && typeof h === 'object' && typeof h.stage === 'string'),
    'INVALID_ARGUMENT',
    { params: { field, rule: 'must be a complaint from openComplaint' } },
  );
  requireDate(c.openedAt, `${field}.openedAt`);
  requireDate(c.state.since, `${field}.state.since`);
  c.history.forEach((h, i) => requireDate(h.at, `${field}.history.${i}.at`));
  return c as Complaint;
}
