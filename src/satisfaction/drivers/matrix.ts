// Small dense symmetric-matrix routines for driver analysis (p is at most a few dozen drivers).
// Matrices are row-major Float64Arrays of size × size.

/** Pivots smaller than this (on a correlation scale) mark a driver as redundant given the others. */
export const PIVOT_TOLERANCE = 1e-10;

/**
 * The correlation matrix of the columns of `data` (rows × cols, row-major) over the rows, with the
 * column standard deviations; a constant column has standard deviation 0 and correlations 0 (1 on
 * its diagonal).
 */
export function correlationMatrix(data: Float64Array, rows: number, cols: number, weights?: Float64Array): { r: Float64Array; sd: Float64Array } {
  const mean = new Float64Array(cols);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    if (w === 0) continue;
    total += w;
    for (let c = 0; c < cols; c++) mean[c] = (mean[c] as number) + w * (data[i * cols + c] as number);
  }
  for (let c = 0; c < cols; c++) mean[c] = (mean[c] as number) / total;
  const cov = new Float64Array(cols * cols);
  const d = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    if (w === 0) continue;
    for (let c = 0; c < cols; c++) d[c] = (data[i * cols + c] as number) - (mean[c] as number);
    for (let a = 0; a < cols; a++) {
      const da = w * (d[a] as number);
      for (let b = a; b < cols; b++) cov[a * cols + b] = (cov[a * cols + b] as number) + da * (d[b] as number);
    }
  }
  const sd = new Float64Array(cols);
  for (let c = 0; c < cols; c++) sd[c] = Math.sqrt(Math.max(0, cov[c * cols + c] as number));
  const r = new Float64Array(cols * cols);
  for (let a = 0; a < cols; a++) {
    r[a * cols + a] = 1;
    for (let b = a + 1; b < cols; b++) {
      const s = (sd[a] as number) * (sd[b] as number);
      const v = s > 0 ? Math.max(-1, Math.min(1, (cov[a * cols + b] as number) / s)) : 0;
      r[a * cols + b] = v;
      r[b * cols + a] = v;
    }
  }
  // Relative scale: a column whose spread is rounding noise against its mean counts as constant.
  for (let c = 0; c < cols; c++) if ((sd[c] as number) <= 1e-12 * Math.max(1, Math.abs(mean[c] as number)) * Math.sqrt(total)) sd[c] = 0;
  return { r, sd };
}

/**
 * Eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan,
 * Matrix Computations, 4th ed., §8.5), at most 100 sweeps. `vectors` holds eigenvector k in column k.
 */
export function symmetricEigen(matrix: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(size * size);
  for (let i = 0; i < size; i++) v[i * size + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) off += (a[p * size + q] as number) ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = ((a[q * size + q] as number) - (a[p * size + p] as number)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p] as number;
          const akq = a[k * size + q] as number;
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k] as number;
          const aqk = a[q * size + k] as number;
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k * size + p] as number;
          const vkq = v[k * size + q] as number;
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(size);
  for (let i = 0; i < size; i++) values[i] = a[i * size + i] as number;
  return { values, vectors: v };
}

/**
 * Sweeps `a` (size × size, in place) on pivot `k` (Goodnight, "A tutorial on the SWEEP operator",
 * The American Statistician 33(3), 1979). Returns false, leaving `a` unchanged, when the pivot is
 * below {@link PIVOT_TOLERANCE} (the variable adds nothing the swept ones do not already explain).
 */
export function sweep(a: Float64Array, size: number, k: number): boolean {
  const d = a[k * size + k] as number;
  if (!(d > PIVOT_TOLERANCE)) return false;
  for (let i = 0; i < size; i++) {
    if (i === k) continue;
    const aik = a[i * size + k] as number;
    if (aik === 0) continue;
    for (let j = 0; j < size; j++) {
      if (j === k) continue;
      a[i * size + j] = (a[i * size + j] as number) - (aik * (a[k * size + j] as number)) / d;
    }
  }
  for (let i = 0; i < size; i++) {
    if (i === k) continue;
    a[i * size + k] = (a[i * size + k] as number) / d;
    a[k * size + i] = (a[k * size + i] as number) / d;
  }
  a[k * size + k] = -1 / d;
  return true;
}
