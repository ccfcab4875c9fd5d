import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keyDrivers, type SurveyResponse } from 'crmkit/satisfaction';
import { expectThrowsCode, response } from './helpers';

// mtcars (R's datasets package; Henderson & Velleman, Biometrics 37, 1981, from Motor Trend 1974):
// mpg, cyl, disp, hp, gear for the 32 cars.
const MTCARS = [
  [21, 6, 160, 110, 4], [21, 6, 160, 110, 4], [22.8, 4, 108, 93, 4], [21.4, 6, 258, 110, 3], [18.7, 8, 360, 175, 3],
  [18.1, 6, 225, 105, 3], [14.3, 8, 360, 245, 3], [24.4, 4, 146.7, 62, 4], [22.8, 4, 140.8, 95, 4], [19.2, 6, 167.6, 123, 4],
  [17.8, 6, 167.6, 123, 4], [16.4, 8, 275.8, 180, 3], [17.3, 8, 275.8, 180, 3], [15.2, 8, 275.8, 180, 3], [10.4, 8, 472, 205, 3],
  [10.4, 8, 460, 215, 3], [14.7, 8, 440, 230, 3], [32.4, 4, 78.7, 66, 4], [30.4, 4, 75.7, 52, 4], [33.9, 4, 71.1, 65, 4],
  [21.5, 4, 120.1, 97, 3], [15.5, 8, 318, 150, 3], [15.2, 8, 304, 150, 3], [13.3, 8, 350, 245, 3], [19.2, 8, 400, 175, 3],
  [27.3, 4, 79, 66, 4], [26, 4, 120.3, 91, 5], [30.4, 4, 95.1, 113, 5], [15.8, 8, 351, 264, 5], [19.7, 6, 145, 175, 5],
  [15, 8, 301, 335, 5], [21.4, 4, 121, 109, 4],
];
const mtcars = MTCARS.map(([mpg, cyl, disp, hp, gear], i) => response(`m${i}`, { mpg: mpg!, cyl: cyl!, disp: disp!, hp: hp!, gear: gear! }));

/** OLS R² by the normal equations and Gaussian elimination: an implementation independent of crmkit's sweep. */
function olsRSquared(rows: readonly number[][], cols: readonly number[], y: number): number {
  if (cols.length === 0) return 0;
  const n = rows.length;
  const k = cols.length + 1;
  const A = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
  for (const r of rows) {
    const x = [1, ...cols.map((c) => r[c]!)];
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) A[i]![j]! += x[i]! * x[j]!;
      A[i]![k]! += x[i]! * r[y]!;
    }
  }
  for (let p = 0; p < k; p++) {
    let best = p;
    for (let i = p + 1; i < k; i++) if (Math.abs(A[i]![p]!) > Math.abs(A[best]![p]!)) best = i;
    [A[p], A[best]] = [A[best]!, A[p]!];
    for (let i = 0; i < k; i++) {
      if (i === p) continue;
      const f = A[i]![p]! / A[p]![p]!;
      for (let j = p; j <= k; j++) A[i]![j]! -= f * A[p]![j]!;
    }
  }
  const beta = A.map((row, i) => row[k]! / row[i]!);
  const mean = rows.reduce((s, r) => s + r[y]!, 0) / n;
  let ssr = 0;
  let sst = 0;
  for (const r of rows) {
    const fit = beta[0]! + cols.reduce((s, c, j) => s + beta[j + 1]! * r[c]!, 0);
    ssr += (r[y]! - fit) ** 2;
    sst += (r[y]! - mean) ** 2;
  }
  return 1 - ssr / sst;
}

/** Shapley values by averaging the R² gain over every order of entry (p! orders): the definition itself. */
function shapleyByPermutation(rows: readonly number[][], drivers: readonly number[], y: number): number[] {
  const out = drivers.map(() => 0);
  let orders = 0;
  const permute = (rest: number[], order: number[]) => {
    if (rest.length === 0) {
      orders++;
      const entered: number[] = [];
      for (const j of order) {
        const before = olsRSquared(rows, entered, y);
        entered.push(drivers[j]!);
        out[j]! += olsRSquared(rows, entered, y) - before;
      }
      return;
    }
    rest.forEach((j, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...order, j]));
  };
  permute(drivers.map((_, j) => j), []);
  return out.map((v) => v / orders);
}

describe('keyDrivers', () => {
  it('reproduces the published relative weights for mtcars (rwa package README, Tonidandel & LeBreton 2015 method)', () => {
    // rwa::rwa(mtcars, outcome = "mpg", predictors = c("cyl", "disp", "hp", "gear")):
    // R² 0.7791896; raw weights cyl 0.2284797, disp 0.2221469, hp 0.2321744, gear 0.0963886.
    const r = keyDrivers(mtcars, { outcome: 'mpg', drivers: ['cyl', 'disp', 'hp', 'gear'], bootstrap: 0 });
    expect(r.rSquared).toBeCloseTo(0.7791896, 7);
    const w = Object.fromEntries(r.drivers.map((d) => [d.driver, d.importance]));
    expect(w.cyl).toBeCloseTo(0.2284797, 7);
    expect(w.disp).toBeCloseTo(0.2221469, 7);
    expect(w.hp).toBeCloseTo(0.2321744, 7);
    expect(w.gear).toBeCloseTo(0.0963886, 7);
    expect(r.drivers.map((d) => d.driver)).toEqual(['hp', 'cyl', 'disp', 'gear']);
    expect(r.drivers.reduce((s, d) => s + d.share, 0)).toBeCloseTo(1, 12);
    expect(r).toMatchObject({ n: 32, dropped: 0, method: 'relative-weights', bootstrap: 0 });
  });

  it('Shapley value regression on mtcars equals the brute-force average over all 24 orders', () => {
    const rows = MTCARS;
    const brute = shapleyByPermutation(rows, [1, 2, 3, 4], 0);
    const r = keyDrivers(mtcars, { outcome: 'mpg', drivers: ['cyl', 'disp', 'hp', 'gear'], method: 'shapley', bootstrap: 0 });
    const w = Object.fromEntries(r.drivers.map((d) => [d.driver, d.importance]));
    ['cyl', 'disp', 'hp', 'gear'].forEach((name, j) => expect(w[name]).toBeCloseTo(brute[j]!, 10));
    // Shapley efficiency: the values add up to the full model's R² (computed here by plain OLS).
    expect(r.rSquared).toBeCloseTo(olsRSquared(rows, [1, 2, 3, 4], 0), 10);
  });

  it('two drivers: relative weights by the closed form of Λ* for a 2 × 2 correlation matrix', () => {
    // With r12 the drivers' correlation, Λ* = [[a, b], [b, a]], a = (√(1+r12) + √(1−r12))/2,
    // b = (√(1+r12) − √(1−r12))/2; β = Λ*⁻¹ r_xy; ε_j = Λ*_j1² β_1² + Λ*_j2² β_2².
    const rows = [[1, 2, 5], [2, 1, 6], [3, 5, 10], [4, 3, 9], [5, 6, 14], [6, 4, 12], [2, 2, 5], [5, 5, 11]];
    const resp = rows.map(([x1, x2, y], i) => response(`t${i}`, { x1: x1!, x2: x2!, y: y! }));
    const col = (k: number) => rows.map((r) => r[k]!);
    const corr = (a: number[], b: number[]) => {
      const ma = a.reduce((s, v) => s + v, 0) / a.length;
      const mb = b.reduce((s, v) => s + v, 0) / b.length;
      let sab = 0, saa = 0, sbb = 0;
      a.forEach((v, i) => { sab += (v - ma) * (b[i]! - mb); saa += (v - ma) ** 2; sbb += (b[i]! - mb) ** 2; });
      return sab / Math.sqrt(saa * sbb);
    };
    const r12 = corr(col(0), col(1));
    const r1 = corr(col(0), col(2));
    const r2 = corr(col(1), col(2));
    const a = (Math.sqrt(1 + r12) + Math.sqrt(1 - r12)) / 2;
    const b = (Math.sqrt(1 + r12) - Math.sqrt(1 - r12)) / 2;
    const det = a * a - b * b;
    const b1 = (a * r1 - b * r2) / det;
    const b2 = (a * r2 - b * r1) / det;
    const e1 = a * a * b1 * b1 + b * b * b2 * b2;
    const e2 = b * b * b1 * b1 + a * a * b2 * b2;
    const r = keyDrivers(resp, { outcome: 'y', drivers: ['x1', 'x2'], bootstrap: 0 });
    const w = Object.fromEntries(r.drivers.map((d) => [d.driver, d.importance]));
    expect(w.x1).toBeCloseTo(e1, 12);
    expect(w.x2).toBeCloseTo(e2, 12);
    expect(e1 + e2).toBeCloseTo(olsRSquared(rows, [0, 1], 2), 12);
  });

  const arbRows = fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 10 })), {
    minLength: 8,
    maxLength: 40,
  });
  const toResponses = (rows: [number, number, number, number][]): SurveyResponse[] =>
    rows.map(([a, b, c, y], i) => response(`p${i}`, { a, b, c, y }));
  const varies = (rows: [number, number, number, number][]) => new Set(rows.map((r) => r[3])).size > 1;

  it('property: both methods split exactly the OLS R², every importance is non-negative', () => {
    fc.assert(
      fc.property(arbRows.filter(varies), (rows) => {
        const r2 = olsRSquared(rows, [0, 1, 2], 3);
        for (const method of ['relative-weights', 'shapley'] as const) {
          const r = keyDrivers(toResponses(rows), { outcome: 'y', drivers: ['a', 'b', 'c'], method, bootstrap: 0 });
          expect(r.rSquared).toBeCloseTo(r2, 9);
          expect(r.drivers.reduce((s, d) => s + d.importance, 0)).toBeCloseTo(r2, 9);
          for (const d of r.drivers) expect(d.importance).toBeGreaterThanOrEqual(-1e-12);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('property: Shapley equals the brute-force permutation average on random small cases', () => {
    fc.assert(
      fc.property(arbRows.filter(varies), (rows) => {
        const brute = shapleyByPermutation(rows, [0, 1, 2], 3);
        const r = keyDrivers(toResponses(rows), { outcome: 'y', drivers: ['a', 'b', 'c'], method: 'shapley', bootstrap: 0 });
        const w = Object.fromEntries(r.drivers.map((d) => [d.driver, d.importance]));
        expect(w.a).toBeCloseTo(brute[0]!, 8);
        expect(w.b).toBeCloseTo(brute[1]!, 8);
        expect(w.c).toBeCloseTo(brute[2]!, 8);
      }),
      { numRuns: 40 },
    );
  });

  it('property: rescaling a driver or reordering the drivers changes nothing', () => {
    fc.assert(
      fc.property(arbRows.filter(varies), (rows) => {
        const base = keyDrivers(toResponses(rows), { outcome: 'y', drivers: ['a', 'b', 'c'], bootstrap: 0 });
        const scaled = keyDrivers(rows.map(([a, b, c, y], i) => response(`p${i}`, { a: 10 * a - 3, b, c, y })), { outcome: 'y', drivers: ['c', 'a', 'b'], bootstrap: 0 });
        const byName = (r: typeof base) => Object.fromEntries(r.drivers.map((d) => [d.driver, d.importance]));
        const x = byName(base);
        const z = byName(scaled);
        for (const k of ['a', 'b', 'c']) expect(z[k]).toBeCloseTo(x[k]!, 9);
      }),
      { numRuns: 40 },
    );
  });

  it('collinear duplicates share their weight instead of failing', () => {
    const rows = MTCARS.map(([mpg, cyl, disp], i) => response(`d${i}`, { mpg: mpg!, cyl: cyl!, cyl2: 2 * cyl!, disp: disp! }));
    const r = keyDrivers(rows, { outcome: 'mpg', drivers: ['cyl', 'cyl2', 'disp'], bootstrap: 0 });
    const w = Object.fromEntries(r.drivers.map((d) => [d.driver, d.importance]));
    expect(w.cyl).toBeCloseTo(w.cyl2!, 9);
    expect(r.rSquared).toBeCloseTo(olsRSquared(MTCARS, [1, 2], 0), 9);
  });

  it('bootstrap: seeded, reproducible, and says which drivers cannot be told apart', () => {
    // y = 3·strong + weak + noise, with two noise drivers of identical (zero) importance.
    let s = 7;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const resp = Array.from({ length: 300 }, (_, i) => {
      const strong = rand();
      const weak = rand();
      return response(`b${i}`, { strong, weak, noise1: rand(), noise2: rand(), y: 3 * strong + weak + 0.3 * rand() });
    });
    const options = { outcome: 'y', drivers: ['strong', 'weak', 'noise1', 'noise2'], bootstrap: 300, seed: 42 } as const;
    const r = keyDrivers(resp, options);
    expect(keyDrivers(resp, options)).toEqual(r);
    const d = Object.fromEntries(r.drivers.map((x) => [x.driver, x]));
    expect(r.drivers[0]!.driver).toBe('strong');
    expect(d.strong!.indistinguishableFrom).toEqual([]);
    expect(d.noise1!.indistinguishableFrom).toContain('noise2');
    expect(d.strong!.interval!.lower).toBeGreaterThan(d.weak!.interval!.upper);
    expect(d.strong!.interval!.lower).toBeLessThanOrEqual(d.strong!.importance);
    expect(d.strong!.interval!.upper).toBeGreaterThanOrEqual(d.strong!.importance);
    expect(r.bootstrap).toBe(300);
    expect(Object.isFrozen(r) && Object.isFrozen(r.drivers[0])).toBe(true);
  });

  it('drops incomplete or free-text answers and counts them; booleans count as 1/0', () => {
    const rows = [...mtcars, response('x1', { mpg: 20, cyl: 'six' as unknown as number }), response('x2', { mpg: 20 })];
    const r = keyDrivers(rows, { outcome: 'mpg', drivers: ['cyl', 'disp', 'hp', 'gear'], bootstrap: 0 });
    expect([r.n, r.dropped]).toEqual([32, 2]);
    const yesNo = keyDrivers([response('a', { ok: true, y: 5, z: 1 }), response('b', { ok: false, y: 1, z: 2 }), response('c', { ok: true, y: 4, z: 2 }), response('d', { ok: false, y: 2, z: 1 })], {
      outcome: 'y', drivers: ['ok', 'z'], bootstrap: 0,
    });
    expect(yesNo.n).toBe(4);
  });

  it('refuses what it cannot answer with a code', () => {
    expectThrowsCode(() => keyDrivers(mtcars.slice(0, 4), { outcome: 'mpg', drivers: ['cyl', 'disp', 'hp'] }), 'INSUFFICIENT_DATA');
    const flat = MTCARS.map(([, cyl, disp], i) => response(`f${i}`, { mpg: 20, cyl: cyl!, disp: disp! }));
    expectThrowsCode(() => keyDrivers(flat, { outcome: 'mpg', drivers: ['cyl', 'disp'] }), 'INSUFFICIENT_DATA');
    expectThrowsCode(() => keyDrivers(mtcars, { outcome: 'mpg', drivers: [] }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => keyDrivers(mtcars, { outcome: 'mpg', drivers: ['mpg'] }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => keyDrivers(mtcars, { outcome: 'mpg', drivers: ['cyl', 'cyl'] }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => keyDrivers(mtcars, { outcome: 'mpg', drivers: ['cyl'], bootstrap: 1e9 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => keyDrivers(mtcars, { outcome: 'mpg', drivers: ['cyl'], method: 'lasso' as 'shapley' }), 'INVALID_ARGUMENT');
    const many = Array.from({ length: 13 }, (_, j) => `q${j}`);
    expectThrowsCode(() => keyDrivers(mtcars, { outcome: 'mpg', drivers: many, method: 'shapley' }), 'INVALID_ARGUMENT');
  });
});
