import { describe, expect, it } from 'vitest';
import { expectedPurchases, fitBgNbd, fitGammaGamma, modelFromJSON, predictClv, predictClvValues, probabilityAlive, type BgNbdModel } from '../../src/clv';
import { cdnowSummary } from './fixtures';

const cd = cdnowSummary();
const bg = fitBgNbd(cd);
const gg = fitGammaGamma({ frequency: cd.frequency, monetaryValue: cd.monetaryValue }, { currency: 'USD' });
const one = [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }];

describe('models are data (issue 20)', () => {
  it('fitted models are deeply frozen: assigning to a parameter throws in strict-mode code', () => {
    expect(Object.isFrozen(bg)).toBe(true);
    expect(Object.isFrozen(bg.params)).toBe(true);
    expect(Object.isFrozen(bg.fit)).toBe(true);
    expect(Object.isFrozen(bg.fit?.standardErrors)).toBe(true);
    expect(() => {
      (bg.params as { r: number }).r = Number.NaN;
    }).toThrow(TypeError);
    expect(Number.isFinite(bg.params.r)).toBe(true);
  });

  it('an edited copy is validated at every use: INVALID_MODEL, never NaN scores', () => {
    const copy = { ...bg, params: { ...bg.params } } as { -readonly [K in keyof BgNbdModel]: BgNbdModel[K] } & { params: { r: number } };
    // Valid at first use…
    expect(Number.isFinite(probabilityAlive(copy, one)[0])).toBe(true);
    // …then edited: the earlier check must not be remembered.
    copy.params.r = Number.NaN;
    expect(() => probabilityAlive(copy, one)).toThrow(expect.objectContaining({ code: 'INVALID_MODEL' }));
    expect(() => expectedPurchases(copy, one, 10)).toThrow(expect.objectContaining({ code: 'INVALID_MODEL' }));
    copy.params.r = -1;
    expect(() => predictClvValues(copy, gg, one, { horizon: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_MODEL' }));
  });

  it('modelFromJSON returns a frozen model that scores as the original (serialisation kept)', () => {
    const back = modelFromJSON(JSON.stringify(gg));
    expect(back).toEqual(gg);
    expect(Object.isFrozen(back)).toBe(true);
    expect(Object.isFrozen((back as typeof gg).params)).toBe(true);
    const bgBack = modelFromJSON(JSON.stringify(bg)) as BgNbdModel;
    expect(probabilityAlive(bgBack, one)[0]).toBe(probabilityAlive(bg, one)[0]);
  });
});

describe('a Gamma-Gamma model remembers its currency (issue 20)', () => {
  it('carries the currency it was fitted in, through JSON', () => {
    expect(gg.currency).toBe('USD');
    expect((modelFromJSON(JSON.stringify(gg)) as typeof gg).currency).toBe('USD');
  });

  it('predictClv refuses another currency with CURRENCY_MISMATCH and accepts its own', () => {
    expect(() => predictClv(bg, gg, one, { horizon: 1, period: 39, currency: 'CNY' })).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }));
    expect(() => predictClvValues(bg, gg, one, { horizon: 1, period: 39, currency: 'CNY' })).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }));
    expect(predictClv(bg, gg, one, { horizon: 1, period: 39, currency: 'USD' })[0]?.currency).toBe('USD');
  });

  it('refuses a currency that is not an ISO 4217 code at fit time, and in a model read from JSON', () => {
    expect(() => fitGammaGamma({ frequency: cd.frequency, monetaryValue: cd.monetaryValue }, { currency: 'usd' })).toThrow(expect.objectContaining({ code: 'INVALID_CURRENCY' }));
    expect(() => modelFromJSON({ model: 'gammagamma', params: { p: 6, q: 3, v: 15 }, currency: 'dollars' })).toThrow(expect.objectContaining({ code: 'INVALID_MODEL' }));
  });
});
