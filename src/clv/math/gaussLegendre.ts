/**
 * Nodes and weights of n-point Gauss–Legendre quadrature on [−1, 1], by Newton's method on the
 * Legendre recurrence (Press et al., Numerical Recipes, 3rd ed., §4.6 gauleg), computed once per
 * n on first use (internal).
 */
const cache = new Map<number, { readonly x: Float64Array; readonly w: Float64Array }>();

export function gaussLegendre(n: number): { readonly x: Float64Array; readonly w: Float64Array } {
  const hit = cache.get(n);
  if (hit) return hit;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const m = (n + 1) >> 1;
  for (let i = 0; i < m; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 1;
    for (let it = 0; it < 100; it++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 0; j < n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j + 1) * z * p2 - j * p3) / (j + 1);
      }
      dp = (n * (z * p1 - p2)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = w[n - 1 - i] = 2 / ((1 - z * z) * dp * dp);
  }
  const out = { x, w };
  cache.set(n, out);
  return out;
}
