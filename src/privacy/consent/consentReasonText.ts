import type { Locale } from '../../core/locales/locale';
import type { ConsentReason } from './consentStatus';

const TEXT: Readonly<Record<'en' | 'zh-CN', Readonly<Record<ConsentReason, string>>>> = {
  en: {
    consented: 'the customer consented',
    'lawful-basis': 'allowed on a lawful basis other than consent',
    withdrawn: 'the customer withdrew consent',
    expired: 'the consent has expired',
    'separate-consent-required': 'this purpose needs separate consent',
    'no-record': 'no consent on record',
  },
  'zh-CN': {
    consented: '客户已同意',
    'lawful-basis': '基于同意以外的合法性基础',
    withdrawn: '客户已撤回同意',
    expired: '同意已过期',
    'separate-consent-required': '该目的需要取得单独同意',
    'no-record': '没有同意记录',
  },
};

/**
 * The reason of a consent answer in words, for people: English or simplified Chinese (other
 * locales read English).
 *
 * @param reason - a {@link ConsentReason}
 * @param locale - `en` (default) or `zh-CN`
 * @returns the text
 *
 * @example
 * ```ts
 * import { consentReasonText } from 'crmkit/privacy';
 * consentReasonText('withdrawn', 'zh-CN');
 * //=> '客户已撤回同意'
 * consentReasonText('no-record');
 * //=> 'no consent on record'
 * ```
 */
export function consentReasonText(reason: ConsentReason, locale: Locale = 'en'): string {
  const table = locale === 'zh-CN' ? TEXT['zh-CN'] : TEXT.en;
  return Object.hasOwn(table, reason) ? table[reason] : reason;
}
