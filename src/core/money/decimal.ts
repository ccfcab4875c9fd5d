import Decimal from 'decimal.js';
import type { RoundingMode } from './rounding';

/**
 * A Decimal constructor isolated from the global one, so adopters' Decimal settings never leak in.
 * Shared by `Money` and the exact arithmetic of other areas (loyalty points from Money).
 *
 * @internal
 */
export const D = /* @__PURE__ */ Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });

/**
 * decimal.js rounding constants by crmkit {@link RoundingMode} name.
 *
 * @internal
 */
export const DECIMAL_ROUNDING: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-up': Decimal.ROUND_HALF_UP,
  'half-down': Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

/** 10^0 .. 10^22, every one exact as a double. @internal */
export const POW10: readonly number[] = /* @__PURE__ */ (() => Array.from({ length: 23 }, (_, i) => 10 ** i))();

/** Decimal digits of a positive integer below 10^22. @internal */
export function digitCount(x: number): number {
  let n = 1;
  while (x >= POW10[n]!) n++;
  return n;
}

const LOG_BASE = 7;
const BASE = 1e7;

/**
 * The decimal `minor × 10^-exponent` for a safe integer `minor` (not -0) and an exponent of 0-15,
 * built from its digits with exact float arithmetic instead of parsing a string: the same value,
 * with the same fields, as `new D(`${minor}e-${exponent}`)`, several times faster (summaries make
 * one per customer). decimal.js keeps a value as `s` (sign), `e` (exponent of the leading digit)
 * and `d`, base-10^7 words aligned so that word boundaries fall at exponents that are multiples of
 * 7, the last word non-zero; a fresh instance gets those fields before anyone sees it.
 *
 * @internal
 */
export function decimalOfMinor(minor: number, exponent: number): InstanceType<typeof D> {
  const x = new D(0);
  if (minor === 0) return x;
  let a = Math.abs(minor);
  let q = -exponent; // exponent of the lowest non-zero digit
  while (a % 10 === 0) {
    a /= 10;
    q++;
  }
  const e = q + digitCount(a) - 1;
  const kLo = Math.floor(q / LOG_BASE);
  const d: number[] = [];
  for (let k = Math.floor(e / LOG_BASE); k > kLo; k--) {
    const u = POW10[k * LOG_BASE - q]!;
    d.push(((a - (a % u)) / u) % BASE);
  }
  const sh = q - kLo * LOG_BASE;
  d.push((a % POW10[LOG_BASE - sh]!) * POW10[sh]!);
  const fields = x as unknown as { d: number[]; e: number; s: number };
  fields.d = d;
  fields.e = e;
  fields.s = minor < 0 ? -1 : 1;
  return x;
}
