// Bad input across the segmentation API: every case gets a typed CrmError (or a defined result),
// never a TypeError from deep inside, never NaN.
import { describe, expect, it } from 'vitest';
import { CrmError, Money } from 'crmkit';
import { applyTagRules, evaluateSegment, rfmScores, rfmScoresColumns, rfmSegment, summarizeRfm, toSql, valueTiers } from 'crmkit/segmentation';

const asOf = new Date('2026-03-01T00:00:00Z');
function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return e instanceof CrmError ? e.code : `untyped: ${String(e)}`;
  }
}

describe('segmentation bad input', () => {
  it('wrong container types are INVALID_ARGUMENT', () => {
    for (const fn of [
      () => summarizeRfm(null as never, { asOf }),
      () => summarizeRfm(42 as never, { asOf }),
      () => summarizeRfm([null] as never, { asOf }),
      () => rfmScores(null as never),
      () => rfmScores([null] as never),
      () => rfmScores([{ customerId: 'a', recencyDays: 1, frequency: Number.NaN, monetaryMinor: 1 }]),
      () => rfmScoresColumns(null as never),
      () => evaluateSegment({ all: [] }, null as never),
      () => evaluateSegment({ all: [] }, [null] as never),
      () => applyTagRules(null as never, []),
      () => valueTiers([null] as never),
      () => rfmSegment(null as never),
    ]) {
      expect(codeOf(fn)).toBe('INVALID_ARGUMENT');
    }
  });

  it('missing options are typed errors', () => {
    expect(codeOf(() => summarizeRfm([], undefined as never))).toBe('INVALID_DATE');
    expect(codeOf(() => toSql({ all: [] }, undefined as never))).toBe('INVALID_ARGUMENT');
  });

  it('empty inputs give empty results', () => {
    expect(summarizeRfm([], { asOf })).toEqual([]);
    expect(rfmScores([])).toEqual([]);
    expect(valueTiers([])).toEqual([]);
    expect(evaluateSegment({ field: 'kind', op: 'exists' }, [])).toEqual([]);
    expect(applyTagRules({}, []).tags).toEqual([]);
  });

  it('mixed currencies and negative money are refused', () => {
    const t = (amount: Money) => ({ customerId: 'a', type: 'purchase' as const, amount, occurredAt: asOf });
    expect(codeOf(() => summarizeRfm([t(Money.of('1', 'CNY')), t(Money.of('1', 'JPY'))], { asOf }))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => summarizeRfm([t(Money.of('-1', 'CNY'))], { asOf }))).toBe('INVALID_MONEY');
    expect(codeOf(() => summarizeRfm([t(Money.of('1', 'CNY'))], { asOf, currency: 'XYZ' }))).toBe('INVALID_CURRENCY');
  });
});
