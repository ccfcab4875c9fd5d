import { CrmError } from './errors';

/**
 * Returns `values` when every prediction is a number; otherwise throws `INVALID_MODEL`. Parameters
 * far outside what a fit produces (1e8 and beyond) push the closed forms into Inf − Inf; that is a
 * property of the model given, reported at the entry point instead of returned as NaN.
 *
 * @throws {CrmError} `INVALID_MODEL`
 * @internal
 */
export function requireNumericPredictions<T extends ArrayLike<number>>(values: T, model: string): T {
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) {
      throw new CrmError('INVALID_MODEL', { params: { model, rule: 'its parameters are too extreme to evaluate' } });
    }
  }
  return values;
}
