import { CrmError } from './errors';
import { minimize, type Objective } from './math/optimize';

/**
 * How a model was fitted: whether BFGS converged, the maximised log-likelihood (natural log, summed
 * over customers, without the penalty), iterations, the data size and, where the Hessian was
 * cheap, asymptotic standard errors of the parameters (inverse observed information, delta method
 * from log-parameters).
 *
 * @example
 * ```ts
 * const info: FitInfo = { converged: true, logLikelihood: -9582.43, iterations: 21, customers: 2357, rows: 1411, penalizer: 0 };
 * ```
 */
export interface FitInfo {
  readonly converged: boolean;
  readonly logLikelihood: number;
  readonly iterations: number;
  /** Customers represented (sum of counts). */
  readonly customers: number;
  /** Distinct rows the likelihood was evaluated on after grouping. */
  readonly rows: number;
  /** The L2 penalty coefficient used (lifetimes' `penalizer_coef`). */
  readonly penalizer: number;
  /** Asymptotic standard errors (absent with a penalty or when the Hessian is not positive definite). */
  readonly standardErrors?: Readonly<Record<string, number>>;
  /**
   * The parameters that ran to the edge of the parameter space (a shape parameter beyond 1e6 or
   * below 1e-6; a scale such as α beyond 1e6 or below 1e-6 times the mean T, Gamma-Gamma's v
   * likewise against the mean spend). The likelihood
   * then has no interior maximum — for example every customer bought on the last day (recency =
   * T), so nobody ever drops out (a → 0), or every customer buys at the same rate (r, α → ∞) — and
   * the estimates describe a limit, not a fit. Such a fit has `converged: false`; it is returned
   * only with `strict: false` (lifetimes raises ConvergenceError). Absent when none did.
   */
  readonly degenerate?: readonly string[];
}

/**
 * Options shared by the fitters.
 *
 * @example
 * ```ts
 * const opts: FitOptions = { penalizer: 0.001, maxIterations: 200 };
 * ```
 */
export interface FitOptions {
  /**
   * L2 penalty on the parameters, added to the mean negative log-likelihood as
   * `penalizer · Σ θ²` exactly as lifetimes does. Default 0.
   */
  readonly penalizer?: number;
  /** BFGS iteration cap. Default 500. */
  readonly maxIterations?: number;
  /** Starting values (natural scale), by parameter name. Default 1 for each (lifetimes' default). */
  readonly initial?: Readonly<Record<string, number>>;
  /**
   * When false, a fit that stopped short of the gradient tolerance, or a degenerate one (see
   * {@link FitInfo.degenerate}), is returned with `converged: false` instead of throwing
   * `MODEL_NOT_CONVERGED` (whose `details.reason` is `'degenerate'` and `details.degenerate` the
   * parameters, for the second). Default true.
   */
  readonly strict?: boolean;
}

/** What a fitter hands to {@link runFit} (internal). */
export interface FitSpec {
  readonly model: string;
  readonly names: readonly string[];
  /** Mean negative log-likelihood of log-parameters and its gradient (without penalty). */
  readonly objective: Objective;
  /** Total weight (customers) the mean is taken over. */
  readonly customers: number;
  readonly rows: number;
  readonly standardErrors?: boolean;
  /**
   * The objective's value alone, for likelihoods whose gradient is numeric: the Hessian for the
   * standard errors then comes from second differences of values, not differences of a
   * differenced gradient (too noisy).
   */
  readonly value?: (x: Float64Array) => number;
  /**
   * Parameters measured in the data's units (α and β in time, with the mean T; Gamma-Gamma's v in
   * money, with the mean spend), so the degenerate-fit bounds apply to α / mean T; the other
   * parameters are unitless shapes.
   */
  readonly unitScale?: Readonly<Record<string, number>>;
  /** Where to start, from a fit on a sample: log-parameters and BFGS's inverse Hessian there. */
  readonly warmStart?: WarmStart;
}

/** A fit's end point in log-parameter space, to start another fit from (internal). */
export interface WarmStart {
  readonly x: Float64Array;
  readonly inverseHessian: Float64Array;
}

function invert(m: Float64Array, n: number): Float64Array | undefined {
  const a = Float64Array.from(m);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c] as number) > Math.abs(a[p * n + c] as number)) p = r;
    const pivot = a[p * n + c] as number;
    if (!(Math.abs(pivot) > 1e-300)) return undefined;
    for (let k = 0; k < n; k++) {
      [a[c * n + k], a[p * n + k]] = [a[p * n + k] as number, a[c * n + k] as number];
      [inv[c * n + k], inv[p * n + k]] = [inv[p * n + k] as number, inv[c * n + k] as number];
    }
    for (let k = 0; k < n; k++) {
      a[c * n + k] = (a[c * n + k] as number) / pivot;
      inv[c * n + k] = (inv[c * n + k] as number) / pivot;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r * n + c] as number;
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        a[r * n + k] = (a[r * n + k] as number) - f * (a[c * n + k] as number);
        inv[r * n + k] = (inv[r * n + k] as number) - f * (inv[c * n + k] as number);
      }
    }
  }
  return inv;
}

/** Hessian by central second differences of the objective's values (log-space, total scale). */
function hessianFromValues(f: (x: Float64Array) => number, logx: Float64Array, scale: number): Float64Array {
  const n = logx.length;
  const H = new Float64Array(n * n);
  const h = 1e-4;
  const x = Float64Array.from(logx);
  const at = (i: number, di: number, j: number, dj: number): number => {
    x.set(logx);
    x[i] = (x[i] as number) + di;
    x[j] = (x[j] as number) + dj;
    return f(x);
  };
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = (at(i, h, j, h) - at(i, h, j, -h) - at(i, -h, j, h) + at(i, -h, j, -h)) / (4 * h * h);
      H[i * n + j] = H[j * n + i] = v * scale;
    }
  }
  return H;
}

/** Standard errors from the observed information (log-space), by the delta method (internal). */
function standardErrors(spec: FitSpec, logx: Float64Array): Record<string, number> | undefined {
  const n = logx.length;
  if (spec.value) return fromHessian(spec, logx, hessianFromValues(spec.value, logx, spec.customers));
  // Forward differences of the analytic gradient from the optimum: n evaluations, relative error
  // about h = 1e-6, ample for standard errors.
  const H = new Float64Array(n * n);
  const g0 = new Float64Array(n);
  const gp = new Float64Array(n);
  const x = Float64Array.from(logx);
  spec.objective(x, g0);
  for (let j = 0; j < n; j++) {
    const h = 1e-6;
    x[j] = (logx[j] as number) + h;
    spec.objective(x, gp);
    x[j] = logx[j] as number;
    for (let i = 0; i < n; i++) H[i * n + j] = (((gp[i] as number) - (g0[i] as number)) / h) * spec.customers;
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) H[i * n + j] = H[j * n + i] = ((H[i * n + j] as number) + (H[j * n + i] as number)) / 2;
  return fromHessian(spec, logx, H);
}

function fromHessian(spec: FitSpec, logx: Float64Array, H: Float64Array): Record<string, number> | undefined {
  const n = logx.length;
  const cov = invert(H, n);
  if (!cov) return undefined;
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const v = cov[i * n + i] as number;
    if (!(v > 0)) return undefined;
    out[spec.names[i] as string] = Math.exp(logx[i] as number) * Math.sqrt(v);
  }
  return out;
}

/** A parameter beyond this factor from 1 (after dividing by its time scale) is at the edge. */
const DEGENERATE = 1e6;

/** Fits by BFGS on log-parameters, with retries from other starts; throws rather than return NaN (internal). */
export function runFit(spec: FitSpec, options: FitOptions = {}): { params: Record<string, number>; info: FitInfo; end: WarmStart } {
  const penalizer = options.penalizer ?? 0;
  if (!(penalizer >= 0) || !Number.isFinite(penalizer)) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'penalizer', rule: 'must be a non-negative number' } });
  }
  const k = spec.names.length;
  const penalised = (x: Float64Array, g: Float64Array): number => {
    let f = spec.objective(x, g);
    if (penalizer > 0) {
      for (let i = 0; i < k; i++) {
        const t = Math.exp(x[i] as number);
        f += penalizer * t * t;
        g[i] = (g[i] as number) + 2 * penalizer * t * t;
      }
    }
    return f;
  };
  for (const [name, v] of Object.entries(options.initial ?? {})) {
    if (!spec.names.includes(name) || !(v > 0) || !Number.isFinite(v)) {
      throw new CrmError('INVALID_ARGUMENT', { params: { field: `initial.${name}`, rule: 'must be a positive number for a parameter of this model' } });
    }
  }
  const starts: (readonly number[] | Float64Array)[] = [spec.names.map((n) => Math.log(options.initial?.[n] ?? 1))];
  if (spec.warmStart) starts.unshift(spec.warmStart.x);
  starts.push(spec.names.map(() => Math.log(0.5)), spec.names.map(() => Math.log(2)));
  let best: ReturnType<typeof minimize> | undefined;
  let iterations = 0;
  for (const x0 of starts) {
    const res = minimize(penalised, x0, {
      maxIterations: options.maxIterations ?? 500,
      gradientTolerance: 1e-9,
      ...(x0 === spec.warmStart?.x && { inverseHessian: spec.warmStart.inverseHessian }),
    });
    iterations += res.iterations;
    if (Number.isFinite(res.value) && (!best || res.value < best.value - 1e-12 || (!best.converged && res.converged))) best = res;
    if (best?.converged) break;
  }
  if (!best || !Number.isFinite(best.value) || best.x.some((v) => !Number.isFinite(v) || Math.abs(v) > 700)) {
    throw new CrmError('MODEL_NOT_CONVERGED', { params: { model: spec.model, iterations }, details: { iterations } });
  }
  const degenerate = spec.names.filter((name, i) => {
    const v = Math.exp(best.x[i] as number) / (spec.unitScale?.[name] ?? 1);
    return !(v < DEGENERATE && v > 1 / DEGENERATE);
  });
  if (degenerate.length > 0 && options.strict !== false) {
    throw new CrmError('MODEL_NOT_CONVERGED', {
      params: { model: spec.model, iterations },
      details: { iterations, reason: 'degenerate', degenerate },
    });
  }
  if (!best.converged && options.strict !== false) {
    throw new CrmError('MODEL_NOT_CONVERGED', {
      params: { model: spec.model, iterations },
      details: { iterations, gradientNorm: best.gradientNorm },
    });
  }
  const params: Record<string, number> = {};
  for (let i = 0; i < k; i++) params[spec.names[i] as string] = Math.exp(best.x[i] as number);
  const g = new Float64Array(k);
  const logLikelihood = -spec.objective(best.x, g) * spec.customers;
  // Standard errors describe the unpenalised maximum; with a penalty they would mislead.
  const se = spec.standardErrors === false || penalizer > 0 ? undefined : standardErrors(spec, best.x);
  return {
    params,
    info: {
      converged: best.converged && degenerate.length === 0,
      logLikelihood,
      iterations,
      customers: spec.customers,
      rows: spec.rows,
      penalizer,
      ...(se && { standardErrors: se }),
      ...(degenerate.length > 0 && { degenerate }),
    },
    end: { x: best.x, inverseHessian: best.inverseHessian },
  };
}

/** Throws INSUFFICIENT_DATA unless there are enough customers and repeat buyers (internal). */
export function requireEnoughData(model: string, customers: number, repeatBuyers: number, k: number): void {
  if (!(customers > k)) throw new CrmError('INSUFFICIENT_DATA', { params: { model, rule: `more than ${k} customers` } });
  if (!(repeatBuyers > 0)) throw new CrmError('INSUFFICIENT_DATA', { params: { model, rule: 'at least one repeat purchase' } });
}
