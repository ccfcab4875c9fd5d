/**
 * The kernel every area builds on: errors, money, time, ids, domain events, locales.
 *
 * @module core
 */
export * from './errors';
export * from './money';
export * from './time';
export * from './events';
export * from './ids';
export { mulberry32 } from './random';
export { throwIfAborted, type LongRunningOptions, type Progress } from './abort';
export { LOCALES, errorMessage, localizeWord, zodErrorMap, type Locale, type LocaleCatalogue } from './locales';
export { registerLocale } from './locales/registerLocale';
export * from './sql';
