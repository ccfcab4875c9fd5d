/**
 * How to round money to its currency's minor unit (or to a given scale).
 * `half-even` is banker's rounding; `half-up` rounds .5 away from zero, as most receipts do.
 *
 * @example
 * ```ts
 * const rule: RoundingMode = 'half-up';
 * ```
 */
export type RoundingMode = 'half-even' | 'half-up' | 'half-down' | 'up' | 'down' | 'ceil' | 'floor';
