import { CrmError } from './errors';
import { Money, currencyExponent, type RoundingMode } from '../core';

/** A float amount in major units → Money, rounded once to the currency's minor unit (internal). */
export function floatToMoney(value: number, currency: string, rounding: RoundingMode): Money {
  if (!Number.isFinite(value)) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'value', rule: 'must be a finite number' } });
  const digits = Math.min(20, currencyExponent(currency) + 6);
  const text = Math.abs(value) < 1e20 ? value.toFixed(digits) : BigInt(Math.round(value)).toString();
  return Money.of(text, currency).round(rounding);
}
