export { Money, type AmountInput, type MoneyJSON, type RoundingMode } from './Money';
export { currencyExponent, isCurrencyCode } from './currency';
export { MoneySchema } from './schema';
