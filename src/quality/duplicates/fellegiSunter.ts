import { CrmError } from '../errors';
import { requireLevelProbabilities } from './guards';

/**
 * The probabilities of one agreement level of one field: `m`, the chance of observing this level
 * when the two records are the same customer, and `u`, the chance when they are not. Across the
 * levels of a field the `m`s sum to 1 and so do the `u`s.
 *
 * @example
 * ```ts
 * const phoneAgrees: LevelProbabilities = { m: 0.7, u: 0.0001 };
 * ```
 */
export interface LevelProbabilities {
  readonly m: number;
  readonly u: number;
}

/**
 * The m and u probabilities of every field compared by {@link findDuplicates}. Names have four
 * levels (exact after {@link normalizeName}, Jaro-Winkler of at least `nameHigh`, at least
 * `nameMedium`, below); the other fields agree or disagree. A field missing on either side adds
 * nothing (weight 0).
 *
 * @example
 * ```ts
 * import { DEFAULT_MATCH_PARAMETERS } from 'crmkit/quality';
 * DEFAULT_MATCH_PARAMETERS.phone.agree.m;
 * //=> 0.7
 * ```
 */
export interface MatchParameters {
  readonly name: { readonly exact: LevelProbabilities; readonly high: LevelProbabilities; readonly medium: LevelProbabilities; readonly disagree: LevelProbabilities };
  /** `close`: a number one digit or one swap of neighbours off, the names not disagreeing (when absent such phones disagree). */
  readonly phone: { readonly agree: LevelProbabilities; readonly close?: LevelProbabilities; readonly disagree: LevelProbabilities };
  /** `close`: addresses alike give or take a typo, with the same digits (`matthew78@ballard.net` / `matthea78@bllard.net`; when absent such emails disagree). */
  readonly email: { readonly agree: LevelProbabilities; readonly close?: LevelProbabilities; readonly disagree: LevelProbabilities };
  /**
   * Social and IM handles (WeChat, QQ, X...), compared only when both records give a handle on one
   * network: one handle in common agrees, handles on a common network all different disagree
   * (when absent, the defaults').
   */
  readonly social?: { readonly agree: LevelProbabilities; readonly disagree: LevelProbabilities };
  readonly postalCode: { readonly agree: LevelProbabilities; readonly disagree: LevelProbabilities };
  /** `close`: one digit apart or day and month swapped (when absent such dates disagree). Dates 92 days apart or fewer otherwise weigh 0. */
  readonly birthDate: { readonly agree: LevelProbabilities; readonly close?: LevelProbabilities; readonly disagree: LevelProbabilities };
  readonly uscc: { readonly agree: LevelProbabilities; readonly disagree: LevelProbabilities };
  readonly residentId: { readonly agree: LevelProbabilities; readonly disagree: LevelProbabilities };
  /** City and district of the first address (when absent, not compared). */
  readonly locality?: { readonly agree: LevelProbabilities; readonly disagree: LevelProbabilities };
  /** Street line of the first address: equal, Jaro-Winkler of at least 0.9, or different (when absent, not compared). */
  readonly street?: { readonly exact: LevelProbabilities; readonly high: LevelProbabilities; readonly disagree: LevelProbabilities };
  /** Each identifier you declare in `identifiers`: equal, one edit apart, or different (when absent, not compared). */
  readonly identifier?: { readonly exact: LevelProbabilities; readonly high: LevelProbabilities; readonly disagree: LevelProbabilities };
  /** Jaro-Winkler at or above which two names count as `high`. */
  readonly nameHigh: number;
  /** Jaro-Winkler at or above which two names count as `medium`. */
  readonly nameMedium: number;
  /**
   * The score (bits) at or above which a pair matches under these parameters, used when the
   * options give no `threshold` (without either, 8). {@link estimateMatchParameters} sets it: its
   * `u` are chances of agreeing between records drawn at random, so scores under its parameters
   * run higher than under the defaults, and 8 would let a name alone match on large sets.
   */
  readonly threshold?: number;
  /** The review threshold that goes with `threshold`, used when the options give neither threshold (without any, 4). */
  readonly reviewThreshold?: number;
}

const level = (m: number, u: number): LevelProbabilities => ({ m, u });

/**
 * Default m and u probabilities, set by judgement for mainland consumer and business CRM data (not
 * estimated): `u` is about the chance two different customers in the same block agree by accident
 * (three in a thousand share a normalised name; one in ten thousand a phone), `m` allows for typos
 * and for people changing phones (30%) and emails (30%) between registrations. They give weights
 * `log2(m/u)`: exact name +7.8 (a name alone stays below the default threshold of 8: it is left
 * for review), phone agree +12.8, one digit off +6.6, phone disagree -1.9, postal code agree +6.5,
 * birth date agree +10.8, a social handle agreeing +12.6 and disagreeing -1.3 (people keep more
 * than one account), a declared identifier agreeing +16.5 and disagreeing -5.1.
 * Replace them with figures estimated on your own data (for example by EM, Winkler 1988) where you
 * can.
 *
 * @example
 * ```ts
 * import { DEFAULT_MATCH_PARAMETERS, levelWeight } from 'crmkit/quality';
 * Math.round(levelWeight(DEFAULT_MATCH_PARAMETERS.name.exact) * 10) / 10;
 * //=> 7.8
 * ```
 */
export const DEFAULT_MATCH_PARAMETERS: MatchParameters = {
  name: { exact: level(0.68, 0.003), high: level(0.2, 0.004), medium: level(0.09, 0.03), disagree: level(0.03, 0.963) },
  phone: { agree: level(0.7, 0.0001), close: level(0.03, 0.0003), disagree: level(0.27, 0.9996) },
  email: { agree: level(0.7, 0.0001), close: level(0.06, 0.002), disagree: level(0.24, 0.9979) },
  social: { agree: level(0.6, 0.0001), disagree: level(0.4, 0.9999) },
  postalCode: { agree: level(0.9, 0.01), disagree: level(0.1, 0.99) },
  birthDate: { agree: level(0.9, 0.0005), close: level(0.06, 0.003), disagree: level(0.04, 0.9965) },
  uscc: { agree: level(0.95, 0.00001), disagree: level(0.05, 0.99999) },
  residentId: { agree: level(0.95, 0.00001), disagree: level(0.05, 0.99999) },
  locality: { agree: level(0.9, 0.3), disagree: level(0.1, 0.7) },
  street: { exact: level(0.7, 0.002), high: level(0.2, 0.01), disagree: level(0.1, 0.988) },
  identifier: { exact: level(0.9, 0.00001), high: level(0.07, 0.001), disagree: level(0.03, 0.99899) },
  nameHigh: 0.92,
  nameMedium: 0.8,
};

/**
 * The Fellegi-Sunter weight of an observed agreement level, `log2(m / u)`: positive when the level
 * is more likely among true duplicates than among different customers. Fellegi, I. P. and Sunter,
 * A. B. (1969), "A Theory for Record Linkage", Journal of the American Statistical Association
 * 64(328), 1183-1210.
 *
 * @param p - the level's m and u
 * @returns the weight in bits
 * @throws {CrmError} `INVALID_ARGUMENT` when m or u is not in (0, 1]
 *
 * @example
 * ```ts
 * import { levelWeight } from 'crmkit/quality';
 * levelWeight({ m: 0.8, u: 0.1 });
 * //=> 3
 * levelWeight({ m: 0.2, u: 0.8 });
 * //=> -2
 * ```
 */
export function levelWeight(p: LevelProbabilities): number {
  requireLevelProbabilities(p);
  if (!(p.m > 0 && p.m <= 1 && p.u > 0 && p.u <= 1)) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'm/u', rule: 'must be in (0, 1]' } });
  }
  return Math.log2(p.m / p.u);
}

/** The weights of every level, flattened for the hot loop. */
export interface WeightTable {
  readonly nameExact: number;
  readonly nameHigh: number;
  readonly nameMedium: number;
  readonly nameDisagree: number;
  readonly phoneAgree: number;
  readonly phoneClose: number;
  readonly phoneDisagree: number;
  readonly emailAgree: number;
  readonly emailClose: number;
  readonly emailDisagree: number;
  readonly socialAgree: number;
  readonly socialDisagree: number;
  readonly postalAgree: number;
  readonly postalDisagree: number;
  readonly birthAgree: number;
  readonly birthClose: number;
  readonly birthDisagree: number;
  readonly localityAgree: number;
  readonly localityDisagree: number;
  readonly streetExact: number;
  readonly streetHigh: number;
  readonly streetDisagree: number;
  readonly identifierExact: number;
  readonly identifierHigh: number;
  readonly identifierDisagree: number;
  readonly usccAgree: number;
  readonly usccDisagree: number;
  readonly residentAgree: number;
  readonly residentDisagree: number;
}

/** @internal */
export function weightTable(p: MatchParameters): WeightTable {
  const d = DEFAULT_MATCH_PARAMETERS;
  const locality = p.locality ?? (d.locality as NonNullable<MatchParameters['locality']>);
  const street = p.street ?? (d.street as NonNullable<MatchParameters['street']>);
  const identifier = p.identifier ?? (d.identifier as NonNullable<MatchParameters['identifier']>);
  const social = p.social ?? (d.social as NonNullable<MatchParameters['social']>);
  return {
    nameExact: levelWeight(p.name.exact),
    nameHigh: levelWeight(p.name.high),
    nameMedium: levelWeight(p.name.medium),
    nameDisagree: levelWeight(p.name.disagree),
    phoneAgree: levelWeight(p.phone.agree),
    phoneClose: levelWeight(p.phone.close ?? p.phone.disagree),
    phoneDisagree: levelWeight(p.phone.disagree),
    emailAgree: levelWeight(p.email.agree),
    emailClose: levelWeight(p.email.close ?? p.email.disagree),
    emailDisagree: levelWeight(p.email.disagree),
    socialAgree: levelWeight(social.agree),
    socialDisagree: levelWeight(social.disagree),
    postalAgree: levelWeight(p.postalCode.agree),
    postalDisagree: levelWeight(p.postalCode.disagree),
    birthAgree: levelWeight(p.birthDate.agree),
    birthClose: levelWeight(p.birthDate.close ?? p.birthDate.disagree),
    birthDisagree: levelWeight(p.birthDate.disagree),
    localityAgree: levelWeight(locality.agree),
    localityDisagree: levelWeight(locality.disagree),
    streetExact: levelWeight(street.exact),
    streetHigh: levelWeight(street.high),
    streetDisagree: levelWeight(street.disagree),
    identifierExact: levelWeight(identifier.exact),
    identifierHigh: levelWeight(identifier.high),
    identifierDisagree: levelWeight(identifier.disagree),
    usccAgree: levelWeight(p.uscc.agree),
    usccDisagree: levelWeight(p.uscc.disagree),
    residentAgree: levelWeight(p.residentId.agree),
    residentDisagree: levelWeight(p.residentId.disagree),
  };
}
