import { CrmError } from '../errors/CrmError';
import { type LocaleCatalogue, storeLocale } from './registry';

const TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/;

/**
 * Adds a locale (ja, zh-TW, ...) without forking crmkit: afterwards every function that takes a
 * `locale` accepts its tag. Keys it leaves out fall back to English. Registering a tag again replaces
 * it; `en` and `zh-CN` cannot be replaced. Call it once at start-up: the registry is the one piece of
 * module state crmkit keeps.
 *
 * @param locale - a BCP 47 tag such as `ja`
 * @param catalogue - the messages ({@link LocaleCatalogue})
 * @throws {CrmError} `INVALID_ARGUMENT` for a built-in or malformed tag, or a catalogue that is not an object
 *
 * @example
 * ```ts
 * import { CrmError, registerLocale } from 'crmkit';
 * registerLocale('ja', { errors: { NOT_FOUND: (p) => `${String(p.entity)} ${String(p.id)} が見つかりません` }, words: { customer: '顧客' } });
 * new CrmError('NOT_FOUND', { params: { entity: 'customer', id: 'c-1' } }).localizedMessage('ja');
 * //=> '顧客 c-1 が見つかりません'
 * new CrmError('RULE_TOO_DEEP', { params: { max: 64 } }).localizedMessage('ja');
 * //=> 'segment rule is nested deeper than 64 levels'
 * ```
 */
export function registerLocale(locale: string, catalogue: LocaleCatalogue): void {
  if (typeof locale !== 'string' || !TAG.test(locale) || locale === 'en' || locale === 'zh-CN') {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'locale', rule: 'must be a BCP 47 tag other than en and zh-CN' } });
  }
  if (catalogue === null || typeof catalogue !== 'object' || Array.isArray(catalogue)) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'catalogue', rule: 'must be an object' } });
  }
  const pick = <K extends keyof LocaleCatalogue>(k: K) => (catalogue[k] !== null && typeof catalogue[k] === 'object' ? { ...(catalogue[k] as object) } : undefined);
  storeLocale(
    locale,
    Object.freeze({
      errors: pick('errors'),
      words: pick('words'),
      issues: pick('issues'),
      zod: typeof catalogue.zod === 'function' ? catalogue.zod : undefined,
    }) as LocaleCatalogue,
  );
}
