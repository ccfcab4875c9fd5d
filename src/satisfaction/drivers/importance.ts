import { PIVOT_TOLERANCE, sweep, symmetricEigen } from './matrix';

/**
 * Johnson's relative weights (J. W. Johnson, "A heuristic method for estimating the relative weight
 * of predictor variables in multiple regression", Multivariate Behavioral Research 35(1), 2000,
 * pp. 1-19): with `Rxx = QΛQᵀ`, `Λ* = QΛ^½Qᵀ` relates the drivers to their closest orthogonal
 * counterparts, `β = Λ*⁻¹ r_xy` regresses the outcome on those, and the weight of driver j is
 * `Σ_k Λ*_jk² β_k²`. The weights sum to the model's R². Eigenvalues below the pivot tolerance are
 * dropped (a pseudo-inverse), so perfectly collinear drivers share their weight.
 *
 * @param r - the (p + 1) × (p + 1) correlation matrix, drivers first and the outcome last
 */
export function relativeWeights(r: Float64Array, p: number): Float64Array {
  const size = p + 1;
  const rxx = new Float64Array(p * p);
  const rxy = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) rxx[i * p + j] = r[i * size + j] as number;
    rxy[i] = r[i * size + p] as number;
  }
  const { values, vectors } = symmetricEigen(rxx, p);
  // Λ* = Q diag(√λ) Qᵀ and its pseudo-inverse Q diag(1/√λ) Qᵀ.
  const root = new Float64Array(p * p);
  const rootInv = new Float64Array(p * p);
  for (let k = 0; k < p; k++) {
    const lambda = values[k] as number;
    if (!(lambda > PIVOT_TOLERANCE)) continue;
    const s = Math.sqrt(lambda);
    for (let i = 0; i < p; i++) {
      const qi = vectors[i * p + k] as number;
      for (let j = 0; j < p; j++) {
        const qq = qi * (vectors[j * p + k] as number);
        root[i * p + j] = (root[i * p + j] as number) + qq * s;
        rootInv[i * p + j] = (rootInv[i * p + j] as number) + qq / s;
      }
    }
  }
  const beta = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let b = 0;
    for (let j = 0; j < p; j++) b += (rootInv[i * p + j] as number) * (rxy[j] as number);
    beta[i] = b;
  }
  const weights = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let w = 0;
    for (let k = 0; k < p; k++) w += (root[j * p + k] as number) ** 2 * (beta[k] as number) ** 2;
    weights[j] = w;
  }
  return weights;
}

/**
 * Shapley value regression (LMG: R. H. Lindeman, P. F. Merenda and R. Z. Gold, Introduction to
 * Bivariate and Multivariate Analysis, 1980; S. Lipovetsky and M. Conklin, "Analysis of regression
 * in game theory approach", Applied Stochastic Models in Business and Industry 17(4), 2001): the
 * weight of driver j is its gain in R² averaged over every order in which the drivers could enter,
 * `Σ_{S ∌ j} |S|!(p−|S|−1)!/p! · (R²(S ∪ j) − R²(S))`. Every subset's R² comes from one sweep of the
 * correlation matrix on the way down a depth-first walk of the subsets (2^p sweeps of O(p²)).
 *
 * @param r - the (p + 1) × (p + 1) correlation matrix, drivers first and the outcome last
 */
export function shapleyWeights(r: Float64Array, p: number): Float64Array {
  const size = p + 1;
  const r2 = new Float64Array(1 << p);
  const visit = (a: Float64Array, mask: number, start: number): void => {
    for (let j = start; j < p; j++) {
      const next = Float64Array.from(a);
      const swept = sweep(next, size, j);
      const m = mask | (1 << j);
      r2[m] = swept ? 1 - (next[p * size + p] as number) : (r2[mask] as number);
      visit(swept ? next : a, m, j + 1);
    }
  };
  visit(Float64Array.from(r), 0, 0);
  const factorial = [1];
  for (let k = 1; k <= p; k++) factorial[k] = (factorial[k - 1] as number) * k;
  const weights = new Float64Array(p);
  for (let mask = 0; mask < 1 << p; mask++) {
    const s = popcount(mask);
    if (s === p) continue;
    const coefficient = ((factorial[s] as number) * (factorial[p - s - 1] as number)) / (factorial[p] as number);
    for (let j = 0; j < p; j++) {
      if (mask & (1 << j)) continue;
      weights[j] = (weights[j] as number) + coefficient * ((r2[mask | (1 << j)] as number) - (r2[mask] as number));
    }
  }
  return weights;
}

/** R² of the outcome on every driver: 1 − the outcome's residual after sweeping them all. */
export function fullRSquared(r: Float64Array, p: number): number {
  const size = p + 1;
  const a = Float64Array.from(r);
  for (let j = 0; j < p; j++) sweep(a, size, j);
  return Math.max(0, Math.min(1, 1 - (a[p * size + p] as number)));
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}
