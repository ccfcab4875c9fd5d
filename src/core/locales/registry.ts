import type { ErrorCode } from '../errors/codes';
import type { ErrorParams } from '../errors/params';

/**
 * A locale an adopter adds with {@link registerLocale}: messages for error codes, translations of
 * the rule and entity words crmkit puts into messages, validation rule messages and zod's own locale.
 * Every part is optional; anything missing falls back to English.
 *
 * @example
 * ```ts
 * const ja: LocaleCatalogue = {
 *   errors: { NOT_FOUND: (p) => `${String(p.entity)} ${String(p.id)} が見つかりません` },
 *   words: { customer: '顧客' },
 * };
 * ```
 */
export interface LocaleCatalogue {
  /** Message functions by error code. */
  readonly errors?: Partial<Readonly<Record<ErrorCode, (params: ErrorParams) => string>>>;
  /**
   * Translations of the English words and rule phrases that fill message parameters (`rule`,
   * `entity`, `model`, ...), keyed by the English text. `{name}` in a key matches any text and is
   * substituted into the translation: `'more than {n} nodes': '超过 {n} 个节点'`.
   */
  readonly words?: Readonly<Record<string, string>>;
  /** Validation rule messages by issue code (`cn_mobile`, ...), each given the field path. */
  readonly issues?: Readonly<Record<string, (field: string) => string>>;
  /** zod's locale for schema issues, e.g. `import ja from 'zod/v4/locales/ja.js'`. */
  readonly zod?: () => { localeError: unknown };
}

// The one piece of module state in crmkit: locales adopters add once at start-up. Built-in locales
// never change; registering never alters how `en` or `zh-CN` read.
const registered = /* @__PURE__ */ new Map<string, LocaleCatalogue>();

/** @internal Stores a validated catalogue; see `registerLocale`. */
export function storeLocale(locale: string, catalogue: LocaleCatalogue): void {
  registered.set(locale, catalogue);
}

/** @internal The catalogue registered for a tag. */
export function registeredLocale(locale: string): LocaleCatalogue | undefined {
  return registered.get(locale);
}

/** @internal zod's locale factory registered for a tag. */
export function registeredZodLocale(locale: string): (() => { localeError: never }) | undefined {
  return registered.get(locale)?.zod as (() => { localeError: never }) | undefined;
}
