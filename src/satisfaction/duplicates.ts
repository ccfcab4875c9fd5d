import { CrmError, assert } from './errors';
import { requireDenseArray, requireObject } from '../core/guards';
import { requireResponses } from './requireResponses';
import type { SurveyResponse } from './response';

/**
 * What to do when one customer answered the same survey more than once: keep only the latest answer
 * (by `answeredAt`; on a tie, the one later in the input) or reject the set. `assume-unique` skips
 * the check for inputs already known to be unique (a database unique constraint, an earlier
 * {@link dedupeResponses}); it saves hashing every customer id, and duplicates, if any, then count twice.
 *
 * @example
 * ```ts
 * const policy: DuplicatePolicy = 'keep-latest';
 * ```
 */
export type DuplicatePolicy = 'keep-latest' | 'reject' | 'assume-unique';

/**
 * Removes repeated responses by the same customer to the same survey.
 *
 * @param responses - parsed responses (any surveys)
 * @param options - `duplicates`: `keep-latest` (default), `reject` or `assume-unique` (returns the input)
 * @returns the responses with one per customer and survey, in input order; the input array itself
 * when there were no duplicates
 * @throws {CrmError} `DUPLICATE_RESPONSE` under `reject` when a customer answered twice
 * (`details.customerId`, `details.responseIds`); `INVALID_ARGUMENT` for `responses` that are not an
 * array of parsed responses (only a dense array under `assume-unique`) or an unknown policy
 *
 * @example
 * ```ts
 * import { dedupeResponses } from 'crmkit/satisfaction';
 * const base = { surveyId: 's1', customerId: 'c1', channel: 'sms', answers: {} };
 * dedupeResponses([
 *   { ...base, id: 'r1', answeredAt: new Date('2026-03-01') },
 *   { ...base, id: 'r2', answeredAt: new Date('2026-03-05') },
 * ]).map((r) => r.id);
 * //=> ['r2']
 * ```
 */
export function dedupeResponses<R extends SurveyResponse>(responses: readonly R[], options: { readonly duplicates?: DuplicatePolicy } = {}): readonly R[] {
  const policy = requireObject<{ readonly duplicates?: DuplicatePolicy }>(options, 'options').duplicates ?? 'keep-latest';
  if (policy === 'assume-unique') return requireDenseArray<R>(responses, 'responses');
  assert(policy === 'keep-latest' || policy === 'reject', 'INVALID_ARGUMENT', { params: { field: 'duplicates', rule: 'must be keep-latest, reject or assume-unique' } });
  requireResponses(responses);
  // One map per survey keyed by customer id: no concatenated keys to build and hash.
  const bySurvey = new Map<string, Map<string, number>>();
  let dropped = 0;
  for (let i = 0; i < responses.length; i++) {
    const r = responses[i] as R;
    let keep = bySurvey.get(r.surveyId);
    if (keep === undefined) bySurvey.set(r.surveyId, (keep = new Map()));
    const seen = keep.get(r.customerId);
    if (seen === undefined) {
      keep.set(r.customerId, i);
      continue;
    }
    const prior = responses[seen] as R;
    if (policy === 'reject') {
      throw new CrmError('DUPLICATE_RESPONSE', { params: { survey: r.surveyId }, details: { customerId: r.customerId, responseIds: [prior.id, r.id] } });
    }
    dropped++;
    if (r.answeredAt.getTime() >= prior.answeredAt.getTime()) keep.set(r.customerId, i);
  }
  if (dropped === 0) return responses;
  const chosen = new Uint8Array(responses.length);
  for (const keep of bySurvey.values()) for (const i of keep.values()) chosen[i] = 1;
  return responses.filter((_, i) => chosen[i] === 1);
}
