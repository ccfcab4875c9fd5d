/**
 * A value as plain JSON data: Money becomes its amount and currency, a Date its ISO instant. Deep
 * equality of two `byValue` results compares what was stored, which `toEqual` on the live objects
 * cannot (it does not see Money's private fields).
 */
export function byValue(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
