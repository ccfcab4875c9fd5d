import { groupColumns, meanT, sampleColumns, toColumns, type Columns, type FrequencyRecencyData } from '../data';
import { requireEnoughData, runFit, type FitOptions, type WarmStart } from '../fit';
import { bgnbdObjective } from './likelihood';
import type { BgNbdModel, BgNbdParams, ModifiedBgNbdModel } from './model';
import { freezeModel } from '../trusted';

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** Rows beyond which a fit on a sample of {@link SAMPLE} rows first finds the starting point. */
const LARGE = 60_000;
const SAMPLE = 20_000;

/**
 * On many distinct rows, most BFGS iterations are spent far from the optimum. A fit on a random
 * sample lands close to it, and its inverse Hessian (of the mean log-likelihood, so the same scale
 * on all rows) lets BFGS on all rows finish in a few steps. Only the start changes: the result is
 * the full data's maximum, to the same gradient tolerance (internal).
 */
function sampleStart(data: Columns, options: FitOptions, shift: 0 | 1, model: string): WarmStart | undefined {
  if (data.x.length < LARGE) return undefined;
  const sample = sampleColumns(data, SAMPLE);
  try {
    return runFit(
      { model, names: NAMES, objective: bgnbdObjective(sample, shift), customers: sample.customers, rows: SAMPLE, standardErrors: false },
      { ...options, strict: false },
    ).end;
  } catch {
    // A sample without a finite optimum: start the full fit from the default instead.
    return undefined;
  }
}

function fitFamily(data: FrequencyRecencyData, options: FitOptions, shift: 0 | 1, model: string) {
  const grouped = groupColumns(toColumns(data));
  let repeat = 0;
  for (let i = 0; i < grouped.x.length; i++) if ((grouped.x[i] as number) > 0) repeat += grouped.w[i] as number;
  requireEnoughData(model, grouped.customers, repeat, NAMES.length);
  const warmStart = options.initial === undefined ? sampleStart(grouped, options, shift, model) : undefined;
  const { params, info } = runFit(
    { model, names: NAMES, objective: bgnbdObjective(grouped, shift), customers: grouped.customers, rows: grouped.x.length, unitScale: { alpha: meanT(grouped) }, ...(warmStart && { warmStart }) },
    options,
  );
  return { params: params as unknown as BgNbdParams, fit: info };
}

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way",
 * Marketing Science 24(2), https://doi.org/10.1287/mksc.1040.0098) by maximum likelihood: BFGS on
 * log-parameters with the analytic gradient. Identical (frequency, recency, T) rows are merged
 * first (their weights add), so a million raw customers cost what their distinct rows cost.
 *
 * @param data - per-customer rows or columns (frequency, recency, T, optional count), in one time unit
 * @param options - penalizer (default 0), maxIterations (500), initial values (1 each), strict (true)
 * @returns the fitted model with parameters, log-likelihood, iterations and standard errors
 * @throws {CrmError} `INVALID_ARGUMENT` for malformed rows, `INSUFFICIENT_DATA` with too few
 *   customers or no repeat purchase, `MODEL_NOT_CONVERGED` when BFGS does not reach a stationary point
 *
 * @example
 * ```ts
 * import { fitBgNbd } from 'crmkit/clv';
 * const m = fitBgNbd([
 *   { frequency: 0, recency: 0, T: 30, count: 60 }, { frequency: 1, recency: 20, T: 30, count: 25 },
 *   { frequency: 3, recency: 25, T: 30, count: 10 }, { frequency: 2, recency: 5, T: 30, count: 5 },
 * ]);
 * m.fit?.converged;
 * //=> true
 * ```
 */
export function fitBgNbd(data: FrequencyRecencyData, options: FitOptions = {}): BgNbdModel {
  const { params, fit } = fitFamily(data, options, 0, 'BG/NBD');
  return freezeModel({ model: 'bgnbd', params, fit });
}

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007, "Empirical validation and
 * comparison of models for customer base analysis", IJRM 24(3),
 * https://doi.org/10.1016/j.ijresmar.2006.12.005), the BG/NBD variant in which a customer may
 * also drop out right after the first purchase, as lifetimes' ModifiedBetaGeoFitter. Same fitting
 * method and options as {@link fitBgNbd}.
 *
 * @param data - per-customer rows or columns (frequency, recency, T, optional count)
 * @param options - penalizer (default 0), maxIterations (500), initial values (1 each), strict (true)
 * @returns the fitted model
 * @throws {CrmError} `INVALID_ARGUMENT`, `INSUFFICIENT_DATA`, `MODEL_NOT_CONVERGED`
 *
 * @example
 * ```ts
 * import { fitModifiedBgNbd } from 'crmkit/clv';
 * const m = fitModifiedBgNbd([
 *   { frequency: 0, recency: 0, T: 30, count: 60 }, { frequency: 1, recency: 20, T: 30, count: 25 },
 *   { frequency: 3, recency: 25, T: 30, count: 10 }, { frequency: 2, recency: 5, T: 30, count: 5 },
 * ]);
 * m.model;
 * //=> 'mbgnbd'
 * ```
 */
export function fitModifiedBgNbd(data: FrequencyRecencyData, options: FitOptions = {}): ModifiedBgNbdModel {
  const { params, fit } = fitFamily(data, options, 1, 'MBG/NBD');
  return freezeModel({ model: 'mbgnbd', params, fit });
}
