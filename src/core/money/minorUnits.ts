import { CrmError } from '../errors/CrmError';
import { Money } from './Money';
import { POW10, digitCount } from './decimal';

/** decimal.js' documented instance fields: digits in base 1e7 groups, exponent, sign. */
interface DecimalParts {
  readonly d: readonly number[] | null;
  readonly e: number;
  readonly s: number;
}

/**
 * Exact integer minor units of `m` (`exponent` = its currency's minor-unit exponent), read from
 * the decimal's digits with float arithmetic that is exact below 2^53: no Decimal arithmetic, no
 * string, no allocation, for per-row loops over millions of amounts. An amount with more decimals
 * than the currency has is rounded half to even (as `Money.toMinor`), through the slow path.
 *
 * @throws {CrmError} `INVALID_MONEY` when the result is beyond the safe integer range
 * @internal
 */
export function minorUnitsOf(m: Money, exponent: number): number {
  const own = Money.minorOwn(m);
  // Made from minor units (always in its own currency's exponent, which the caller passes).
  if (own !== undefined) return own;
  const dec = Money.decimalOwn(m) as DecimalParts | undefined;
  const d = dec?.d;
  if (dec !== undefined && d != null && d.length <= 2) {
    const head = d[0] as number;
    let mant = head;
    let digits = digitCount(head);
    if (d.length === 2) {
      mant = mant * 1e7 + (d[1] as number);
      digits += 7;
    }
    const k = dec.e + 1 - digits + exponent;
    let minor: number | undefined;
    if (mant === 0) minor = 0;
    else if (k >= 0 && k < POW10.length) minor = mant * POW10[k]!;
    else if (k < 0 && -k < POW10.length && mant % POW10[-k]! === 0) minor = mant / POW10[-k]!;
    if (minor !== undefined && Number.isSafeInteger(minor)) return dec.s < 0 && minor !== 0 ? -minor : minor;
  }
  const slow = Number(m.toMinor());
  if (!Number.isSafeInteger(slow)) throw new CrmError('INVALID_MONEY', { params: { field: 'amount', rule: 'exceeds the safe integer range of minor units' } });
  return slow;
}
