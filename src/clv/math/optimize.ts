/**
 * Unconstrained minimisation by BFGS with a backtracking (Armijo) line search and a curvature
 * check before each inverse-Hessian update (Nocedal & Wright, Numerical Optimization, 2nd ed.,
 * algorithm 6.1). Internal: the fitters call it on log-parameters.
 */

/** The objective: returns f(x) and writes ∇f(x) into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface MinimizeOptions {
  readonly maxIterations?: number;
  /** Stop when the gradient's max norm falls below this. */
  readonly gradientTolerance?: number;
  /**
   * A starting inverse Hessian (row-major n×n, positive definite), e.g. from a fit on a sample of
   * the data; default the identity, rescaled after the first step.
   */
  readonly inverseHessian?: Float64Array;
}

export interface MinimizeResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly gradientNorm: number;
  /** The BFGS inverse-Hessian approximation at the end (row-major n×n). */
  readonly inverseHessian: Float64Array;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i] as number));
  return m;
}

export function minimize(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 500;
  const gtol = options.gradientTolerance ?? 1e-8;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let fx = f(x, g);
  const H = new Float64Array(n * n);
  const warm = options.inverseHessian?.length === n * n;
  if (warm) H.set(options.inverseHessian as Float64Array);
  else for (let i = 0; i < n; i++) H[i * n + i] = 1;
  const p = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let iterations = 0;
  let converged = Number.isFinite(fx) && maxAbs(g) < gtol;
  let stalled = 0;
  while (!converged && iterations < maxIterations) {
    iterations++;
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= (H[i * n + j] as number) * (g[j] as number);
      p[i] = v;
      slope += v * (g[i] as number);
    }
    if (!(slope < 0)) {
      // Not a descent direction (lost positive-definiteness): restart from steepest descent.
      H.fill(0);
      for (let i = 0; i < n; i++) {
        H[i * n + i] = 1;
        p[i] = -(g[i] as number);
      }
      slope = 0;
      for (let i = 0; i < n; i++) slope -= (g[i] as number) * (g[i] as number);
    }
    // Keep the first step in log-parameter space modest.
    const pmax = maxAbs(p);
    let step = pmax > 2 ? 2 / pmax : 1;
    let fNew = NaN;
    // Near the optimum the decrease a step promises falls below the rounding of a sum over many
    // rows, and halving would only chase noise: a step that keeps f within that rounding and
    // shrinks the gradient is taken.
    const noise = 1e-12 * Math.max(1, Math.abs(fx));
    const gNorm = maxAbs(g);
    const acceptable = (): boolean => Number.isFinite(fNew) && (fNew <= fx + 1e-4 * step * slope || (fNew <= fx + noise && maxAbs(gNew) < gNorm));
    for (let k = 0; k < 60; k++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + step * (p[i] as number);
      fNew = f(xNew, gNew);
      if (acceptable()) break;
      step *= 0.5;
    }
    if (!acceptable()) {
      converged = maxAbs(g) < Math.sqrt(gtol);
      break;
    }
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
      sy += (s[i] as number) * (y[i] as number);
    }
    const improvement = fx - fNew;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    fx = fNew;
    if (sy > 1e-12) {
      if (iterations === 1 && !warm) {
        // Scale the initial Hessian (Nocedal & Wright eq. 6.20).
        let yy = 0;
        for (let i = 0; i < n; i++) yy += (y[i] as number) * (y[i] as number);
        H.fill(0);
        for (let i = 0; i < n; i++) H[i * n + i] = sy / yy;
      }
      let yHy = 0;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += (H[i * n + j] as number) * (y[j] as number);
        Hy[i] = v;
        yHy += (y[i] as number) * v;
      }
      const rho = 1 / sy;
      const c = (1 + rho * yHy) * rho;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] = (H[i * n + j] as number) + c * (s[i] as number) * (s[j] as number) -
            rho * ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number));
        }
      }
    }
    converged = maxAbs(g) < gtol;
    stalled = improvement <= 1e-15 * Math.max(1, Math.abs(fx)) ? stalled + 1 : 0;
    if (stalled >= 3) {
      converged = maxAbs(g) < Math.sqrt(gtol);
      break;
    }
  }
  return { x, value: fx, iterations, converged, gradientNorm: maxAbs(g), inverseHessian: H };
}

/** Central-difference gradient, for likelihoods whose analytic gradient is not worth writing. */
export function numericGradient(f: (x: Float64Array) => number): Objective {
  return (x, grad) => {
    const fx = f(x);
    const xi = Float64Array.from(x);
    for (let i = 0; i < x.length; i++) {
      const h = 1e-6 * Math.max(1, Math.abs(x[i] as number));
      xi[i] = (x[i] as number) + h;
      const fp = f(xi);
      xi[i] = (x[i] as number) - h;
      const fm = f(xi);
      xi[i] = x[i] as number;
      grad[i] = (fp - fm) / (2 * h);
    }
    return fx;
  };
}
