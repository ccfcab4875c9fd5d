import { describe, expect, it } from 'vitest';
import { CrmError, Money, isCrmError } from 'crmkit';
import fc from 'fast-check';
import { D, decimalOfMinor } from '../../src/core/money/decimal';

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

describe('decimalOfMinor', () => {
  const fields = (x: unknown) => {
    const { d, e, s } = x as { d: number[]; e: number; s: number };
    return { d, e, s };
  };

  it('builds the same decimal, field for field, as decimal.js parsing `${minor}e-${exponent}` (second implementation, fast-check)', () => {
    // minors with runs of trailing zeros (word boundaries of base 10^7), near 2^53, and negatives
    const minor = fc.oneof(
      fc.maxSafeInteger(),
      fc.tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 8 })).map(([m, z]) => m * 10 ** z),
      fc.constantFrom(0, 1, -1, 9_999_999, 10_000_000, 2 ** 53 - 1, -(2 ** 53 - 1), 10 ** 15),
    );
    fc.assert(
      fc.property(minor, fc.integer({ min: 0, max: 15 }), (m, exponent) => {
        const expected = new D(`${m}e-${exponent}`);
        const built = decimalOfMinor(m, exponent);
        expect(fields(built)).toEqual(fields(expected));
        expect(built.equals(expected)).toBe(true);
        expect(built.toFixed()).toBe(expected.toFixed());
      }),
      { numRuns: 3000 },
    );
  });

  it('writes 19.99 as decimal.js does: words [19, 9900000] aligned at the decimal point, exponent 1', () => {
    // 1999e-2 = 19.99: the leading digit is at 10^1; words hold the digits of 10^6..10^0 and
    // 10^-1..10^-7, so 19 and 99 followed by five zeros.
    expect(fields(decimalOfMinor(1999, 2))).toEqual({ d: [19, 9_900_000], e: 1, s: 1 });
    expect(fields(decimalOfMinor(-5, 2))).toEqual({ d: [500_000], e: -2, s: -1 });
  });
});

describe('Money.ofMinor (decimal built on first use)', () => {
  // The decimal string of `minor` minor units with `exponent` digits, written with BigInt string
  // arithmetic: a second way to the value, independent of decimalOfMinor and decimal.js.
  const decimalString = (minor: number, exponent: number): string => {
    const digits = (minor < 0 ? -BigInt(minor) : BigInt(minor)).toString().padStart(exponent + 1, '0');
    const body = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
    return minor < 0 ? `-${body}` : body;
  };
  const observe = (m: Money, other: Money) => [
    m.amount, m.toString(), JSON.stringify(m), m.toNumber(), m.toMinor().toString(), m.isZero(), m.isNegative(), m.isPositive(),
    m.plus(other).amount, m.minus(other).amount, other.minus(m).amount, m.times('1.5').amount, m.timesRatio(0.37).amount,
    m.dividedBy(7).amount, m.round('half-up', 0).amount, m.negated().amount, m.abs().amount, m.compare(other), m.equals(other),
    other.equals(m), m.allocate([1, 2, 3]).map((p) => p.amount), Money.sum([m, other], m.currency).amount, Money.fromJSON(m.toJSON()).equals(m),
  ];

  it('behaves in every operation as Money.of of the same decimal string (fast-check, CNY / JPY / KWD exponents 2, 0, 3)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.maxSafeInteger(), fc.maxSafeNat().map((n) => (n === 0 ? 0 : -n)), fc.constantFrom(0, 1, -1, 10, 100, 1_000_000)),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.constantFrom(['CNY', 2], ['JPY', 0], ['KWD', 3]),
        (minor, otherMinor, [currency, exponent]) => {
          const lazy = Money.ofMinor(minor, currency as string);
          const parsed = Money.of(decimalString(minor, exponent as number), currency as string);
          const other = Money.of(decimalString(otherMinor, exponent as number), currency as string);
          expect(observe(lazy, other)).toEqual(observe(parsed, other));
          // and as the other operand
          expect(other.plus(lazy).amount).toBe(other.plus(parsed).amount);
          expect(other.compare(lazy)).toBe(other.compare(parsed));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is frozen and survives a structured read of its fields', () => {
    const m = Money.ofMinor(1999, 'CNY');
    expect(Object.isFrozen(m)).toBe(true);
    expect(m.amount).toBe('19.99');
    expect(m.amount).toBe('19.99');
    expect({ ...m }).toEqual({ currency: 'CNY' });
  });
});
