/**
 * Purposes a customer's personal information is processed for, each consented (or not) on its own:
 * `marketing` (promotions, newsletters, care greetings), `service` (order and account notices,
 * follow-ups of a purchase), `profiling` (segments, scores, personalisation), `third-party-sharing`
 * (providing to another handler, PIPL art. 23) and `cross-border-transfer` (PIPL art. 39).
 *
 * @example
 * ```ts
 * import { CONSENT_PURPOSES } from 'crmkit/privacy';
 * CONSENT_PURPOSES.includes('profiling');
 * //=> true
 * ```
 */
export const CONSENT_PURPOSES = ['marketing', 'service', 'profiling', 'third-party-sharing', 'cross-border-transfer'] as const;

/**
 * A purpose in {@link CONSENT_PURPOSES}.
 *
 * @example
 * ```ts
 * const purpose: ConsentPurpose = 'marketing';
 * ```
 */
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * The lawful basis a processing rests on: PIPL art. 13 (个人信息保护法第十三条) and GDPR art. 6.
 * `consent` (同意), `separate-consent` (单独同意, required by PIPL arts. 23, 25, 29 and 39 for
 * sharing with another handler, publishing, sensitive personal information and cross-border
 * transfer), `contract` (订立、履行合同所必需), `legal-obligation` (法定职责或法定义务),
 * `vital-interests` (突发公共卫生事件或紧急情况下保护生命健康), `public-interest` (新闻报道、舆论监督),
 * `publicly-disclosed` (已合法公开的个人信息) and `legitimate-interests` (GDPR art. 6(1)(f) only).
 *
 * @example
 * ```ts
 * import { LAWFUL_BASES } from 'crmkit/privacy';
 * LAWFUL_BASES[1];
 * //=> 'separate-consent'
 * ```
 */
export const LAWFUL_BASES = [
  'consent',
  'separate-consent',
  'contract',
  'legal-obligation',
  'vital-interests',
  'public-interest',
  'publicly-disclosed',
  'legitimate-interests',
] as const;

/**
 * A basis in {@link LAWFUL_BASES}.
 *
 * @example
 * ```ts
 * const basis: LawfulBasis = 'contract';
 * ```
 */
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/**
 * How a consent or withdrawal was captured: a `checkbox` on a form, `double-opt-in` (a confirmed
 * e-mail or SMS link), `written` (a signed form), `verbal` (a recorded call), `in-app` (an app or
 * mini-program setting), `imported` (migrated from older data) or `other`.
 *
 * @example
 * ```ts
 * import { CONSENT_METHODS } from 'crmkit/privacy';
 * CONSENT_METHODS.includes('double-opt-in');
 * //=> true
 * ```
 */
export const CONSENT_METHODS = ['checkbox', 'double-opt-in', 'written', 'verbal', 'in-app', 'imported', 'other'] as const;

/**
 * A method in {@link CONSENT_METHODS}.
 *
 * @example
 * ```ts
 * const method: ConsentMethod = 'checkbox';
 * ```
 */
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Purposes that an ordinary `consent` does not cover: PIPL arts. 23 and 39 ask for separate consent. */
export const SEPARATE_CONSENT_PURPOSES: ReadonlySet<ConsentPurpose> = /* @__PURE__ */ new Set<ConsentPurpose>(['third-party-sharing', 'cross-border-transfer']);
