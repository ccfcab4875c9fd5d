/**
 * Argument guards the areas share at their boundary (numbers in documented ranges, dense arrays).
 * Dates are guarded by `requireDate` in core/time.
 *
 * @internal
 */
export { optionalFiniteInRange, requireFiniteInRange } from './numbers';
export { isDense, requireDenseArray, requireIterable, requireNumbers } from './arrays';
export { requireString } from './strings';
export { requireObject } from './objects';
