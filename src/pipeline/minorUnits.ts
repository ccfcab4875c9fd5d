import { currencyExponent } from '../core/money/currency';
import { Money } from '../core/money/Money';

const MAX = Number.MAX_SAFE_INTEGER;
const POW10 = /* @__PURE__ */ Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The amount of a Money in integer minor units, or NaN when it is negative, has digits below the
 * minor unit, or reaches 2^53. Reads the decimal's documented instance properties (decimal.js
 * stores `d`, words of 7 digits with the first holding 1 to 7, and `e`, the power of ten of the
 * leading digit: https://mikemcl.github.io/decimal.js/#instance-properties) instead of formatting a
 * string, which is 50 times slower; a Money from another copy of crmkit goes through its string.
 */
export function minorUnitsOf(m: Money): number {
  const own = Money.minorOwn(m);
  // Made from minor units: those, without building the decimal.
  if (own !== undefined) return own < 0 ? Number.NaN : own;
  const x = currencyExponent(m.currency);
  const dec = Money.decimalOwn(m) as { d: number[]; e: number; s: number } | undefined;
  if (dec === undefined) return minorFromString(m.amount, x);
  const { d, e } = dec;
  if (d[0] === 0) return 0;
  if (dec.s < 0) return Number.NaN;
  const lead = d[0] as number;
  const leadDigits = lead >= 1e6 ? 7 : lead >= 1e5 ? 6 : lead >= 1e4 ? 5 : lead >= 1e3 ? 4 : lead >= 100 ? 3 : lead >= 10 ? 2 : 1;
  let sum = 0;
  for (let k = 0; k < d.length; k++) {
    const p = x + e - leadDigits + 1 - 7 * k;
    const word = d[k] as number;
    if (word === 0) continue;
    if (p >= 0) {
      if (p > 22) return Number.NaN;
      sum += word * (POW10[p] as number);
    } else {
      if (p < -7) return Number.NaN;
      const div = POW10[-p] as number;
      if (word % div !== 0) return Number.NaN;
      sum += word / div;
    }
    if (sum > MAX) return Number.NaN;
  }
  return sum;
}

function minorFromString(s: string, x: number): number {
  if (s.startsWith('-')) return /^-0(\.0*)?$/.test(s) ? 0 : Number.NaN;
  const dot = s.indexOf('.');
  const whole = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? '' : s.slice(dot + 1);
  if (!/^0*$/.test(frac.slice(x))) return Number.NaN;
  const minor = Number(whole + frac.slice(0, x).padEnd(x, '0'));
  return Number.isSafeInteger(minor) ? minor : Number.NaN;
}
