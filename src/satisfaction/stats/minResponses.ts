import { assert } from '../errors';

/** @internal The `minResponses` option: a positive integer; 0 when absent (no minimum, so an empty set is not "insufficient"). */
export function requireMinResponses(value: number | undefined): number {
  if (value === undefined) return 0;
  assert(Number.isSafeInteger(value) && value >= 1, 'INVALID_ARGUMENT', { params: { field: 'minResponses', rule: 'must be a positive integer' } });
  return value;
}
