import Decimal from 'decimal.js';
import { assert } from '../errors/assert';
import { CrmError } from '../errors/CrmError';
import { requireDenseArray, requireFiniteInRange } from '../guards';
import { currencyExponent, isCurrencyCode } from './currency';
import { D, DECIMAL_ROUNDING as ROUNDING, decimalOfMinor } from './decimal';

type Dec = InstanceType<typeof D>;

import type { RoundingMode } from './rounding';

export type { RoundingMode } from './rounding';

/**
 * An amount as crmkit accepts it: a decimal string (`'19.99'`), a bigint, or an integer number.
 * Fractional JS numbers are refused, so money never passes through a binary float.
 *
 * @example
 * ```ts
 * const a: AmountInput = '19.99';
 * ```
 */
export type AmountInput = string | bigint | number;

/**
 * The JSON form of {@link Money}: the amount as a decimal string and the currency code.
 *
 * @example
 * ```ts
 * const json: MoneyJSON = { amount: '19.99', currency: 'CNY' };
 * ```
 */
export interface MoneyJSON {
  readonly amount: string;
  readonly currency: string;
}

// Shared by every copy of crmkit in a process (ESM and CommonJS builds, two installed versions).
const BRAND = /* @__PURE__ */ Symbol.for('crmkit.Money');
const INSPECT = /* @__PURE__ */ Symbol.for('nodejs.util.inspect.custom');

const DECIMAL_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function toDecimal(amount: AmountInput, field: string): Dec {
  if (typeof amount === 'bigint') return new D(amount.toString());
  if (typeof amount === 'number') {
    assert(Number.isSafeInteger(amount), 'INVALID_MONEY', {
      params: { field, rule: 'numbers must be safe integers; pass fractional amounts as decimal strings' },
    });
    return new D(amount);
  }
  if (typeof amount === 'string') {
    const trimmed = amount.trim();
    assert(trimmed.length <= 64 && DECIMAL_PATTERN.test(trimmed), 'INVALID_MONEY', {
      params: { field, rule: 'not a valid decimal amount' },
    });
    return new D(trimmed);
  }
  throw new CrmError('INVALID_MONEY', { params: { field, rule: 'expected a decimal string, bigint or integer' } });
}

/**
 * An immutable amount of money in one currency, exact to the last digit (decimal.js inside).
 * Arithmetic refuses to mix currencies (`CURRENCY_MISMATCH`); nothing is converted silently.
 * Serialises to JSON as `{ amount: '12.30', currency: 'CNY' }`.
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * const price = Money.of('19.99', 'CNY');
 * price.times(3).toString();
 * //=> '59.97 CNY'
 * price.plus(Money.of('0.01', 'CNY')).equals(Money.of('20', 'CNY'));
 * //=> true
 * ```
 */
export class Money {
  // The exact value: a decimal, or, for a Money made from integer minor units, those units (NaN
  // otherwise) with the decimal built on first use. Summaries make one Money per customer and are
  // mostly read as numbers or JSON; the decimal (two more objects) is then never built.
  #decimal: Dec | undefined;
  readonly #minor: number;
  /** ISO 4217 currency code. */
  readonly currency: string;

  private constructor(amount: Dec | undefined, currency: string, minor = Number.NaN) {
    this.#decimal = amount;
    this.#minor = minor;
    this.currency = currency;
    Object.freeze(this);
  }

  get #amount(): Dec {
    return (this.#decimal ??= decimalOfMinor(this.#minor, this.exponent));
  }

  /**
   * Money from a decimal amount and a currency.
   *
   * @param amount - a decimal string, bigint or safe integer
   * @param currency - an ISO 4217 code (upper case)
   * @returns the Money value
   * @throws {CrmError} `INVALID_MONEY` for a malformed amount, `INVALID_CURRENCY` for an unknown code
   */
  static of(amount: AmountInput, currency: string): Money {
    if (!isCurrencyCode(currency)) throw new CrmError('INVALID_CURRENCY', { params: { field: 'currency' } });
    return new Money(toDecimal(amount, 'amount'), currency);
  }

  /**
   * Money from an integer count of minor units (fen, cents): `Money.ofMinor(1999, 'CNY')` is 19.99.
   *
   * @param minor - integer minor units (number or bigint)
   * @param currency - an ISO 4217 code
   * @returns the Money value
   * @throws {CrmError} `INVALID_MONEY` for a non-integer, `INVALID_CURRENCY` for an unknown code
   */
  static ofMinor(minor: number | bigint, currency: string): Money {
    const exponent = currencyExponent(currency);
    // A safe integer's minor units become the decimal's digits directly: the same exact value as
    // dividing by 10^exponent, without Decimal division or string parsing per call (summaries make
    // one per customer).
    if (typeof minor === 'number' && Number.isSafeInteger(minor) && !Object.is(minor, -0)) {
      return new Money(undefined, currency, minor);
    }
    return new Money(toDecimal(minor, 'amount').div(new D(10).pow(exponent)), currency);
  }

  /**
   * Zero in a currency.
   *
   * @param currency - an ISO 4217 code
   * @returns zero money
   */
  static zero(currency: string): Money {
    return Money.of(0, currency);
  }

  /**
   * Parses the JSON form back into Money.
   *
   * @param json - `{ amount, currency }`
   * @returns the Money value
   * @throws {CrmError} `INVALID_MONEY` / `INVALID_CURRENCY`
   */
  static fromJSON(json: MoneyJSON): Money {
    if (json === null || typeof json !== 'object') {
      throw new CrmError('INVALID_MONEY', { params: { field: 'money', rule: 'expected { amount, currency }' } });
    }
    return Money.of(json.amount, json.currency);
  }

  /**
   * Whether `value` is a Money value, from this copy of crmkit or another (the ESM and CommonJS
   * builds, two installed versions): it checks the `Symbol.for('crmkit.Money')` brand.
   *
   * @param value - anything
   * @returns true for Money
   */
  static isMoney(value: unknown): value is Money {
    if (typeof value !== 'object' || value === null) return false;
    try {
      return (value as { [BRAND]?: unknown })[BRAND] === true;
    } catch {
      return false;
    }
  }

  /**
   * The sum of many amounts in one currency; `currency` names the result when the list is empty.
   *
   * @param amounts - amounts to add
   * @param currency - the currency of the result (and of every amount)
   * @returns the total
   * @throws {CrmError} `CURRENCY_MISMATCH` when an amount is in another currency; `INVALID_ARGUMENT`
   *   when `amounts` is not iterable; `INVALID_MONEY` for an item that is not Money
   */
  static sum(amounts: Iterable<Money>, currency: string): Money {
    assert(amounts !== null && typeof (amounts as { [Symbol.iterator]?: unknown })?.[Symbol.iterator] === 'function', 'INVALID_ARGUMENT', {
      params: { field: 'amounts', rule: 'must be iterable' },
    });
    let total = new D(0);
    for (const m of amounts) {
      const amount = decimalOf(m, 'amounts');
      assertSameCurrency(currency, m.currency);
      total = total.plus(amount);
    }
    return Money.of(0, currency).#with(total);
  }

  #with(amount: Dec): Money {
    return new Money(amount, this.currency);
  }

  /**
   * The amount as a plain decimal string with no exponent, with at least the currency's minor-unit
   * digits (`'1234.50'` for CNY, `'1235'` for JPY) and more only when the value has them.
   */
  get amount(): string {
    return this.#amount.toFixed(Math.max(this.#amount.decimalPlaces(), this.exponent));
  }

  /** Minor-unit exponent of this currency (2 for CNY). */
  get exponent(): number {
    return currencyExponent(this.currency);
  }

  /**
   * Adds money in the same currency.
   * @throws {CrmError} `CURRENCY_MISMATCH`
   */
  plus(other: Money): Money {
    const amount = decimalOf(other, 'other');
    assertSameCurrency(this.currency, other.currency);
    return this.#with(this.#amount.plus(amount));
  }

  /**
   * Subtracts money in the same currency.
   * @throws {CrmError} `CURRENCY_MISMATCH`
   */
  minus(other: Money): Money {
    const amount = decimalOf(other, 'other');
    assertSameCurrency(this.currency, other.currency);
    return this.#with(this.#amount.minus(amount));
  }

  /**
   * Multiplies by an exact factor (a decimal string or integer; fractional numbers are refused).
   * The result is not rounded; call {@link Money.round} for a payable amount.
   */
  times(factor: AmountInput): Money {
    return this.#with(this.#amount.times(toDecimal(factor, 'factor')));
  }

  /**
   * Multiplies by a float64 statistic (a model's prediction, a probability) and rounds the result
   * to the currency's minor unit with `mode`. This is the one sanctioned edge where a float meets
   * money: the float is read through its shortest decimal representation.
   *
   * @param ratio - a finite number
   * @param mode - rounding, default `half-even`
   * @throws {CrmError} `INVALID_MONEY` for a ratio that is not finite; `INVALID_ARGUMENT` for an unknown mode
   */
  timesRatio(ratio: number, mode: RoundingMode = 'half-even'): Money {
    assert(Number.isFinite(ratio), 'INVALID_MONEY', { params: { field: 'ratio', rule: 'must be a finite number' } });
    roundingOf(mode);
    return this.#with(this.#amount.times(new D(ratio))).round(mode);
  }

  /**
   * Divides by an exact divisor; the result is rounded to the currency's minor unit.
   * @throws {CrmError} `INVALID_ARGUMENT` when dividing by zero or for an unknown mode
   */
  dividedBy(divisor: AmountInput, mode: RoundingMode = 'half-even'): Money {
    roundingOf(mode);
    const d = toDecimal(divisor, 'divisor');
    assert(!d.isZero(), 'INVALID_ARGUMENT', { params: { field: 'divisor', rule: 'must not be zero' } });
    return this.#with(this.#amount.div(d)).round(mode);
  }

  /**
   * Rounds to the currency's minor unit (or to `scale` decimal places).
   *
   * @param mode - rounding rule, default `half-even`
   * @param scale - decimal places, an integer from 0 to 40 (the working precision); default the currency exponent
   * @throws {CrmError} `INVALID_ARGUMENT` for an unknown mode or a scale outside 0..40
   */
  round(mode: RoundingMode = 'half-even', scale: number = this.exponent): Money {
    const rounding = roundingOf(mode);
    return this.#with(this.#amount.toDecimalPlaces(requireFiniteInRange(scale, 'scale', 0, 40, true), rounding));
  }

  /**
   * Splits into parts proportional to integer `ratios` without losing a minor unit: the remainder is
   * given one unit at a time to the first parts (the largest-remainder rule dinero.js uses).
   *
   * @param ratios - a dense array of non-negative integers, at least one positive, whose sum is a safe integer
   * @returns one Money per ratio, summing exactly to this amount (rounded to minor units)
   * @throws {CrmError} `INVALID_ARGUMENT` for other ratios (the remainder loop needs an exact sum)
   */
  allocate(ratios: readonly number[]): Money[] {
    requireDenseArray(ratios, 'ratios');
    assert(
      ratios.length > 0 && ratios.every((r) => Number.isSafeInteger(r) && r >= 0) && ratios.some((r) => r > 0),
      'INVALID_ARGUMENT',
      { params: { field: 'ratios', rule: 'must be non-negative integers, at least one positive' } },
    );
    assert(Number.isSafeInteger(ratios.reduce((a, b) => a + b, 0)), 'INVALID_ARGUMENT', {
      params: { field: 'ratios', rule: 'must sum to a safe integer' },
    });
    const unit = new D(10).pow(-this.exponent);
    const total = this.#amount.toDecimalPlaces(this.exponent, Decimal.ROUND_HALF_EVEN).div(unit);
    const sum = ratios.reduce((a, b) => a + b, 0);
    const parts = ratios.map((r) => total.times(r).divToInt(sum));
    let remainder = total.minus(parts.reduce((a, b) => a.plus(b), new D(0)));
    const step = remainder.isNegative() ? -1 : 1;
    for (let i = 0; !remainder.isZero(); i = (i + 1) % parts.length) {
      if (ratios[i] === 0) continue;
      parts[i] = (parts[i] as Dec).plus(step);
      remainder = remainder.minus(step);
    }
    return parts.map((p) => this.#with(p.times(unit)));
  }

  /** Negated amount. */
  negated(): Money {
    return this.#with(this.#amount.negated());
  }

  /** Absolute amount. */
  abs(): Money {
    return this.#with(this.#amount.abs());
  }

  /**
   * Compares with money in the same currency: -1, 0 or 1.
   * @throws {CrmError} `CURRENCY_MISMATCH`
   */
  compare(other: Money): -1 | 0 | 1 {
    const amount = decimalOf(other, 'other');
    assertSameCurrency(this.currency, other.currency);
    return this.#amount.comparedTo(amount) as -1 | 0 | 1;
  }

  /** Same currency and numerically equal amount (`'1.0'` equals `'1.00'`). */
  equals(other: Money): boolean {
    return Money.isMoney(other) && this.currency === other.currency && this.#amount.equals(decimalOf(other, 'other'));
  }

  /** Whether the amount is zero. */
  isZero(): boolean {
    return this.#amount.isZero();
  }

  /** Whether the amount is below zero. */
  isNegative(): boolean {
    return this.#amount.isNegative() && !this.#amount.isZero();
  }

  /** Whether the amount is above zero. */
  isPositive(): boolean {
    return this.#amount.isPositive() && !this.#amount.isZero();
  }

  /**
   * The amount in integer minor units, rounded with `mode` if it has more digits than the currency.
   * Use it to sum many amounts fast in a hot loop, then convert back with {@link Money.ofMinor}.
   * @throws {CrmError} `INVALID_ARGUMENT` for an unknown mode
   */
  toMinor(mode: RoundingMode = 'half-even'): bigint {
    return BigInt(this.#amount.times(new D(10).pow(this.exponent)).toDecimalPlaces(0, roundingOf(mode)).toFixed());
  }

  /**
   * The amount as a float64, for statistics only (model inputs, quantiles). Never feed it back into
   * Money arithmetic.
   */
  toNumber(): number {
    return this.#amount.toNumber();
  }

  /** `'19.99 CNY'`. */
  toString(): string {
    return `${this.amount} ${this.currency}`;
  }

  /** `{ amount: '19.99', currency: 'CNY' }`. */
  toJSON(): MoneyJSON {
    return { amount: this.amount, currency: this.currency };
  }

  /** What `console.log` and `util.inspect` show in Node: `Money(19.99 CNY)`. */
  [INSPECT](): string {
    return `Money(${this.toString()})`;
  }

  /** @internal The brand {@link Money.isMoney} checks. */
  get [BRAND](): true {
    return true;
  }

  /** @internal This value's decimal, or undefined for a Money from another copy of crmkit. */
  static decimalOwn(m: Money): Dec | undefined {
    return typeof m === 'object' && m !== null && #minor in m ? m.#amount : undefined;
  }

  /** @internal Whether `m` is a Money of this copy of crmkit (builds nothing). */
  static isOwn(m: unknown): boolean {
    return typeof m === 'object' && m !== null && #minor in m;
  }

  /**
   * @internal This value's integer minor units when it was made from them; undefined otherwise
   * (made from a decimal, or a Money from another copy of crmkit).
   */
  static minorOwn(m: Money): number | undefined {
    if (typeof m !== 'object' || m === null || !(#minor in m)) return undefined;
    const minor = m.#minor;
    return Number.isNaN(minor) ? undefined : minor;
  }
}

/**
 * The exact amount of `m`: its own decimal, or, for a Money from another copy of crmkit (whose
 * private field this copy cannot read), its decimal string read back, which is exact.
 */
function decimalOf(m: Money, field: string): Dec {
  const own = Money.decimalOwn(m);
  if (own !== undefined) return own;
  assert(Money.isMoney(m), 'INVALID_MONEY', { params: { field, rule: 'expected a Money value' } });
  return toDecimal(m.amount, field);
}

/** The decimal.js rounding constant of `mode`; anything but a {@link RoundingMode} name is refused. */
function roundingOf(mode: unknown): Decimal.Rounding {
  assert(typeof mode === 'string' && Object.hasOwn(ROUNDING, mode), 'INVALID_ARGUMENT', {
    params: { field: 'mode', rule: `must be one of ${Object.keys(ROUNDING).join(', ')}` },
  });
  return ROUNDING[mode as RoundingMode];
}

function assertSameCurrency(left: string, right: string): void {
  assert(left === right, 'CURRENCY_MISMATCH', { params: { left, right } });
}
