import { describe, expect, it } from 'vitest';
import { Money } from '../../src/core';
import {
  churnRisk,
  expectedAverageSpend,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  historicClv,
  modelFromJSON,
  modelToJSON,
  predictClv,
  predictClvValues,
  probabilityAlive,
  type BgNbdModel,
  type GammaGammaModel,
} from '../../src/clv';
import { cdnowSummary } from './fixtures';

const bg: BgNbdModel = { model: 'bgnbd', params: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 } };
const gg: GammaGammaModel = { model: 'gammagamma', params: { p: 6.25, q: 3.74, v: 15.44 } };
const one = [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }];

describe('predictClv', () => {
  it('one undiscounted step is E[X(39)] × E[M] × margin: 1.226 (FHL 2005, p. 280) × 24.6637 (FHL 2005b eq. 5 by hand) × 0.3', () => {
    const spend = (1 - 12.5 / 15.24) * (96.5 / 2.74) + (12.5 / 15.24) * 22.35;
    const [v] = predictClvValues(bg, gg, one, { horizon: 1, period: 39, discountRate: 0, margin: 0.3 });
    expect(Math.abs((v as number) - 1.226 * spend * 0.3)).toBeLessThan(0.0005 * spend * 0.3);
  });
  it('discounts each month as lifetimes\' customer_lifetime_value (its loop written out here with factor 4.345 weeks)', () => {
    const months = 12;
    const rate = 0.01;
    const spend = expectedAverageSpend(gg, one)[0] as number;
    let expected = 0;
    for (let i = 1; i <= months; i++) {
      const t = i * 4.345;
      const dx = (expectedPurchases(bg, one, t)[0] as number) - (expectedPurchases(bg, one, t - 4.345)[0] as number);
      expected += (spend * dx) / Math.pow(1 + rate, i);
    }
    expect(predictClvValues(bg, gg, one, { horizon: months, period: 4.345, discountRate: rate })[0]).toBeCloseTo(expected, 10);
  });
  it('returns Money rounded once, half-even by default, and any other mode on request', () => {
    const [v] = predictClvValues(bg, gg, one, { horizon: 12, period: 4.345 });
    const [m] = predictClv(bg, gg, one, { horizon: 12, period: 4.345, currency: 'USD' });
    expect(m?.currency).toBe('USD');
    expect(Math.abs((m?.toNumber() as number) - (v as number))).toBeLessThanOrEqual(0.005);
    const [up] = predictClv(bg, gg, one, { horizon: 12, period: 4.345, currency: 'USD', rounding: 'ceil' });
    expect(up?.toNumber()).toBe(Math.ceil((v as number) * 100) / 100);
  });
  it('is zero for a zero horizon and never negative on CDNOW (property over the whole sample)', () => {
    const c = cdnowSummary();
    expect(Array.from(predictClvValues(bg, gg, c, { horizon: 0 })).every((v) => v === 0)).toBe(true);
    expect(Array.from(predictClvValues(bg, gg, c, { horizon: 12, period: 4.345 })).every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
  });
  it('refuses bad options', () => {
    expect(() => predictClvValues(bg, gg, one, { horizon: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => predictClvValues(bg, gg, one, { horizon: 1, margin: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => predictClv(bg, gg, one, { horizon: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('historicClv (hand calculations)', () => {
  const aov = Money.of('200', 'CNY');
  it('AOV × frequency × margin × lifespan: 200 × 4 × 0.3 × 2.5 = 600', () => {
    expect(historicClv({ averageOrderValue: aov, purchasesPerYear: 4, grossMargin: 0.3, lifespanYears: 2.5 }).toString()).toBe('600.00 CNY');
  });
  it('discounted: 240/1.1 + 240/1.21 + 0.5 × 240/1.331 = 506.68', () => {
    const expected = 240 / 1.1 + 240 / 1.21 + (0.5 * 240) / 1.331;
    const v = historicClv({ averageOrderValue: aov, purchasesPerYear: 4, grossMargin: 0.3, lifespanYears: 2.5, discountRate: 0.1 });
    expect(v.toString()).toBe(`${expected.toFixed(2)} CNY`);
  });
  it('refuses a margin above 1 or a negative lifespan', () => {
    expect(() => historicClv({ averageOrderValue: aov, purchasesPerYear: 4, grossMargin: 1.2, lifespanYears: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => historicClv({ averageOrderValue: aov, purchasesPerYear: 4, grossMargin: 0.2, lifespanYears: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('churnRisk', () => {
  const c = cdnowSummary();
  const value = predictClvValues(bg, gg, c, { horizon: 12, period: 4.345 });
  const p = probabilityAlive(bg, c);
  const risks = churnRisk(bg, c, { value, threshold: 0.3 });
  it('keeps exactly the customers below the threshold, each with value × (1 − p)', () => {
    expect(risks.length).toBe(Array.from(p).filter((v) => v < 0.3).length);
    for (const r of risks.slice(0, 50)) expect(r.valueAtRisk).toBeCloseTo((value[r.index] as number) * (1 - (p[r.index] as number)), 12);
  });
  it('ranks by value at risk, descending', () => {
    for (let i = 1; i < risks.length; i++) expect((risks[i - 1] as { valueAtRisk: number }).valueAtRisk).toBeGreaterThanOrEqual((risks[i] as { valueAtRisk: number }).valueAtRisk);
  });
  it('honours limit and ids, and checks lengths', () => {
    const ids = c.id.map(String);
    const top = churnRisk(bg, c, { value, threshold: 0.3, ids, limit: 3 });
    expect(top.map((r) => r.id)).toEqual(risks.slice(0, 3).map((r) => ids[r.index]));
    expect(() => churnRisk(bg, c, { value: [1, 2] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('model serialisation', () => {
  it('a fitted model survives JSON and scores identically in "another process"', () => {
    const c = cdnowSummary();
    const m = fitBgNbd(c);
    const g = fitGammaGamma(c);
    const text = JSON.stringify(m);
    const restored = modelFromJSON(text) as BgNbdModel;
    const again = modelFromJSON(JSON.stringify(modelToJSON(g))) as GammaGammaModel;
    expect(restored).toEqual(m);
    expect(Array.from(predictClvValues(restored, again, c, { horizon: 3 }))).toEqual(Array.from(predictClvValues(m, g, c, { horizon: 3 })));
  });
  it('refuses malformed models with INVALID_MODEL', () => {
    expect(() => modelFromJSON('{nope')).toThrow(expect.objectContaining({ code: 'INVALID_MODEL' }));
    expect(() => modelFromJSON({ model: 'bgnbd', params: { r: -1, alpha: 1, a: 1, b: 1 } })).toThrow(expect.objectContaining({ code: 'INVALID_MODEL' }));
    expect(() => probabilityAlive({ model: 'bgnbd', params: { r: 1 } } as never, [{ frequency: 0, recency: 0, T: 1 }])).toThrow(
      expect.objectContaining({ code: 'INVALID_MODEL' }),
    );
  });
});
