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
