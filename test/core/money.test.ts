import { describe, expect, it } from 'vitest';
import { CrmError, Money, isCrmError } from 'crmkit';
import fc from 'fast-check';

const cny = (a: string) => Money.of(a, 'CNY');

describe('Money', () => {
  it('adds decimal amounts exactly (0.1 + 0.2 = 0.3, unlike float64)', () => {
    expect(cny('0.1').plus(cny('0.2')).equals(cny('0.3'))).toBe(true);
  });

  it('refuses to mix currencies with CURRENCY_MISMATCH', () => {
    expect(() => cny('1').plus(Money.of('1', 'USD'))).toThrowError(CrmError);
    try {
      cny('1').plus(Money.of('1', 'USD'));
    } catch (e) {
      expect(isCrmError(e, 'CURRENCY_MISMATCH')).toBe(true);
    }
  });

  it('refuses fractional JS numbers so money never passes through a float', () => {
    expect(() => Money.of(0.1, 'CNY')).toThrow(/decimal strings/);
    expect(Money.of(12, 'CNY').amount).toBe('12.00');
  });

  it('allocates without losing a fen: 10.00 / 3 = 3.34 + 3.33 + 3.33 (hand calculation)', () => {
    const parts = cny('10').allocate([1, 1, 1]);
    expect(parts.map((p) => p.amount)).toEqual(['3.34', '3.33', '3.33']);
    expect(Money.sum(parts, 'CNY').equals(cny('10'))).toBe(true);
  });

  it('rounds half-even and half-up as documented (2.345 -> 2.34 / 2.35)', () => {
    expect(cny('2.345').round('half-even').amount).toBe('2.34');
    expect(cny('2.345').round('half-up').amount).toBe('2.35');
  });

  it('uses the currency exponent for minor units (JPY has none, KWD has three)', () => {
    expect(Money.ofMinor(1999, 'CNY').amount).toBe('19.99');
    expect(Money.ofMinor(1999, 'JPY').amount).toBe('1999');
    expect(Money.ofMinor(1999, 'KWD').amount).toBe('1.999');
    expect(cny('19.99').toMinor()).toBe(1999n);
  });

  it('serialises to JSON as a decimal string with its currency and back', () => {
    const m = cny('1234.50');
    expect(JSON.stringify(m)).toBe('{"amount":"1234.50","currency":"CNY"}');
    expect(Money.fromJSON(JSON.parse(JSON.stringify(m))).equals(m)).toBe(true);
  });

  it('rejects malformed amounts and currencies with typed errors', () => {
    for (const bad of ['', '1e5', 'abc', '1.2.3', ' ', 'NaN', 'Infinity']) {
      expect(() => Money.of(bad, 'CNY'), bad).toThrowError(expect.objectContaining({ code: 'INVALID_MONEY' }));
    }
    expect(() => Money.of('1', 'XYZ1')).toThrowError(expect.objectContaining({ code: 'INVALID_CURRENCY' }));
    expect(() => Money.of('1', 'cny')).toThrowError(expect.objectContaining({ code: 'INVALID_CURRENCY' }));
  });
});

describe('Money.ofMinor', () => {
  it('equals the bigint path (minor units divided by 10^exponent in Decimal) for every safe integer (second implementation)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom('CNY', 'JPY', 'KWD'), (minor, currency) => {
        const fast = Money.ofMinor(minor, currency);
        const slow = Money.ofMinor(BigInt(minor), currency);
        expect(fast.equals(slow)).toBe(true);
        expect(fast.toString()).toBe(slow.toString());
        expect(fast.toMinor()).toBe(BigInt(minor));
      }),
      { numRuns: 500 },
    );
  });
});
