import { Money } from '../core/money/Money';

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Exact sums of non-negative integers in many slots, fast: each slot adds in a float64 while the
 * total stays below 2^53 (where float64 integers are exact) and spills into a bigint before it
 * would not. A sum of a million deal amounts costs a million float additions, not a million
 * Decimal or bigint operations.
 */
export class ExactSums {
  readonly #acc: Float64Array;
  readonly #spilled = new Map<number, bigint>();

  constructor(slots: number) {
    this.#acc = new Float64Array(slots);
  }

  /** Adds a non-negative safe integer to a slot. */
  add(slot: number, value: number): void {
    const sum = (this.#acc[slot] as number) + value;
    if (sum <= MAX) {
      this.#acc[slot] = sum;
      return;
    }
    this.#spilled.set(slot, (this.#spilled.get(slot) ?? 0n) + BigInt(this.#acc[slot] as number));
    this.#acc[slot] = value;
  }

  /** Adds `a × b` (non-negative safe integers) to a slot, exactly even when the product is not safe. */
  addProduct(slot: number, a: number, b: number): void {
    const p = a * b;
    if (p <= MAX) this.add(slot, p);
    else this.#spilled.set(slot, (this.#spilled.get(slot) ?? 0n) + BigInt(a) * BigInt(b));
  }

  /** The exact total of a slot. */
  total(slot: number): bigint {
    return (this.#spilled.get(slot) ?? 0n) + BigInt(this.#acc[slot] as number);
  }
}

/** Money from an integer count of units of 10^-scale (minor units when scale is the currency exponent). */
export function moneyOfScaled(units: bigint, scale: number, currency: string): Money {
  if (scale === 0) return Money.of(units, currency);
  const digits = units.toString().padStart(scale + 1, '0');
  return Money.of(`${digits.slice(0, -scale)}.${digits.slice(-scale)}`, currency);
}
