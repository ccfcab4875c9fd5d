import { assert } from './errors';
import { Money } from '../core/money/Money';
import type { CustomerSummary } from './summary';

/**
 * Checks one row of customer summaries before it is written into the model columns: an object with
 * a string `customerId`, finite `frequency`, `recency` and `T`, and a `Money` `monetaryValue`.
 *
 * @throws {CrmError} `INVALID_ARGUMENT` naming `summaries.<i>`
 * @internal
 */
export function requireSummaryRow(row: unknown, i: number): CustomerSummary {
  const s = row as Partial<CustomerSummary> | null;
  assert(
    s !== null &&
      typeof s === 'object' &&
      typeof s.customerId === 'string' &&
      Number.isFinite(s.frequency) &&
      Number.isFinite(s.recency) &&
      Number.isFinite(s.T) &&
      Money.isMoney(s.monetaryValue),
    'INVALID_ARGUMENT',
    { params: { field: `summaries.${i}`, rule: 'must be a customer summary' } },
  );
  return s as CustomerSummary;
}
