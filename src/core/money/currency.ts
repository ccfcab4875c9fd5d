import { CrmError } from '../errors/CrmError';

// Read from Intl on first use, not at load.
let known: ReadonlySet<string> | undefined;
const digitsCache = /* @__PURE__ */ new Map<string, number>();

/**
 * Whether `code` is an ISO 4217 currency code known to this runtime's Intl data.
 *
 * @param code - a three-letter code such as `CNY`
 * @returns true when the code is known
 *
 * @example
 * ```ts
 * import { isCurrencyCode } from 'crmkit';
 * isCurrencyCode('CNY');
 * //=> true
 * isCurrencyCode('cny');
 * //=> false
 * ```
 */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code) && (known ??= new Set(Intl.supportedValuesOf('currency'))).has(code);
}

/**
 * The number of minor-unit digits of a currency (ISO 4217 exponent): 2 for CNY, 0 for JPY,
 * 3 for KWD. Taken from the runtime's Intl currency data.
 *
 * @param currency - an ISO 4217 code
 * @returns the exponent
 * @throws {CrmError} `INVALID_CURRENCY` for an unknown code
 *
 * @example
 * ```ts
 * import { currencyExponent } from 'crmkit';
 * currencyExponent('JPY');
 * //=> 0
 * ```
 */
export function currencyExponent(currency: string): number {
  const cached = digitsCache.get(currency);
  if (cached !== undefined) return cached;
  if (!isCurrencyCode(currency)) throw new CrmError('INVALID_CURRENCY', { params: { field: 'currency' } });
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  digitsCache.set(currency, digits);
  return digits;
}
