import { zhCNWords } from './zh-CN.words';

/** English words and rule phrases mapped to their translation; see `translateWords`. */
export type Words = Readonly<Record<string, string>>;

// The zh-CN phrase tables loaded so far: the kernel's (phrases kernel code uses), then one per area,
// added by the area's errors module (src/<area>/errors.ts) when it loads. A bundle thus carries the
// phrases of the areas it can throw from and no others. Like the locale registry this state only
// grows, and the order tables load in does not matter: a phrase in two tables has one translation
// (test/core/locales.test.ts), and `translateWords` picks the most specific template of all tables.
const zhCNTables: Words[] = [zhCNWords];

/** @internal The zh-CN phrase tables loaded so far, the kernel's first. */
export function zhCNPhraseTables(): readonly Words[] {
  return zhCNTables;
}

/**
 * Returns `value` after adding an area's zh-CN phrase table. An area's errors module passes the
 * kernel's `CrmError`, `assert`, ... through it under a pure annotation: a bundler keeps the call,
 * and so the table, exactly when the area's code uses what it returns.
 *
 * @internal
 */
export function withPhrases<T>(value: T, zhCN: Words): T {
  if (!zhCNTables.includes(zhCN)) zhCNTables.push(zhCN);
  return value;
}
