import type { MatchParameters, WeightTable } from './fellegiSunter';
import { type Features, GIVEN_CODE, closePhones, isNationalEntry, phonesClose } from './features';
import { type Column, at } from './column';
import { type ContactList, NO_CONTACTS, anyContactPair, contactAt, contactCount } from './contactList';
import { isCjk, personNameLevel } from './personName';
import { areNicknames } from './nicknames';
import { pinyinOf } from './nameTables';
import { jaroWinkler, oneEditApart } from './similarity';

/**
 * A field compared between two records.
 *
 * @example
 * ```ts
 * const field: MatchField = 'phone';
 * ```
 */
export type MatchField = 'name' | 'phone' | 'email' | 'social' | 'postalCode' | 'locality' | 'street' | 'address' | 'birthDate' | 'uscc' | 'residentId' | 'identifier';

/**
 * What one field contributed to a pair's score: its agreement level, the Fellegi-Sunter weight
 * of that level, for names and streets the Jaro-Winkler similarity, and for a declared identifier
 * its attribute `key`. Level `shared` marks a contact point of a household, of colleagues or of an
 * organisation's sites rather than of one customer, and weighs 0: a phone or address both records
 * have while their names disagree or their given names differ (or the given name is missing on a
 * side, or a generational suffix differs, `Jr.` / none, and the shared phone is not a mobile; or
 * the given names are close, 马云 / 马云飞, and the birth dates disagree; or they are homophones,
 * 丁诺子 / 丁诺梓, each with its own different mobile) and nothing personal agrees (an email, unless
 * the names disagree and no mobile is shared, and a social handle likewise; a birth date, resident
 * id, declared identifier); and a phone, email, social handle or address two sites of one
 * organisation share (a head office and its branch, 某某有限公司 / 某某有限公司杭州分公司), and the
 * postal code and city of two organisations' records at different streets (two sites in one area).
 * Field `birthDate` with level `medium` weighs 0: dates under three months apart (92 days or
 * fewer) and not a typo's `high`, which neither agree nor disagree. Field `address` with level
 * `cap` is the (negative) amount taken off when postal code, locality and street together would
 * add more than 12 bits. The weights of a pair's evidence add up to its score. Fields missing on
 * either side are not listed.
 * Entries are frozen, and one entry may appear in many pairs (a phone agreeing weighs the same
 * in every pair).
 *
 * @example
 * ```ts
 * const e: FieldEvidence = { field: 'name', level: 'high', weight: 5.64, similarity: 0.95 };
 * ```
 */
export interface FieldEvidence {
  readonly field: MatchField;
  readonly level: 'exact' | 'high' | 'medium' | 'agree' | 'disagree' | 'shared' | 'cap';
  readonly weight: number;
  readonly similarity?: number;
  readonly key?: string;
}

const same = (x: string, y: string) => x === y;

function anyShared(a: ContactList, b: ContactList): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a === b : anyContactPair(a, b, same);
}

const NOT_COMPARED = 0;
const DIFFERENT = 1;
const LANDLINE = 2;
const MOBILE = 3;
// A shared North American (+1) number and no shared mobile: that plan gives mobiles no numbers of
// their own, so it is not known to be a landline. Read as LANDLINE everywhere but for a married name.
const NORTH_AMERICAN = 4;
// E.164 mainland mobile numbers: +86 1[3-9]x xxxx xxxx.
const isCnMobile = (p: string) => p.length === 14 && p.startsWith('+861') && p.charCodeAt(4) >= 51 && p.charCodeAt(4) <= 57;
// E.164 mobile ranges where the national numbering plan sets them apart (Hong Kong, Macau, Taiwan,
// Japan, Korea, Singapore, the UK, Ireland, Germany, France, Australia, New Zealand); North
// American numbers do not tell.
const MOBILE_E164 = /^\+(?:852[5679]|8536|8869|81[789]0|8210|65[89]|447[1-57-9]|3538[3-9]|491[5-7]|33[67]|614|642)\d{6,9}$/;

/** A mobile number, one person's (mainland numbers, and those of the plans {@link MOBILE_E164} reads). */
const isMobile = (p: string) => isCnMobile(p) || MOBILE_E164.test(p);

/**
 * Whether both lists hold a mobile and no mobile of one is in the other, nor one digit or one swap
 * off it (a typo): each person's own phone, different.
 */
function mobilesDiffer(a: ContactList, b: ContactList): boolean {
  const na = contactCount(a);
  const nb = contactCount(b);
  let ma = false;
  let mb = false;
  for (let i = 0; i < na; i++) {
    const x = contactAt(a, i);
    if (!isMobile(x)) continue;
    ma = true;
    for (let j = 0; j < nb; j++) if (x === contactAt(b, j) || phonesClose(x, contactAt(b, j))) return false;
  }
  if (!ma) return false;
  for (let j = 0; j < nb && !mb; j++) mb = isMobile(contactAt(b, j));
  return mb;
}

/**
 * A mainland landline typed without its area code (`88001234`, read as +86 88001234) and the
 * same number with it (+86 571 88001234): the local number of 7 or 8 digits ends the other, after
 * an area code of 2 or 3 digits (10, 571), and neither is a mobile.
 */
function sameLandline(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const local = short.length - 3;
  const area = long.length - short.length;
  return (
    short.startsWith('+86') && long.startsWith('+86') && (local === 7 || local === 8) && (area === 2 || area === 3) &&
    short.charCodeAt(3) !== 49 && long.charCodeAt(3) !== 48 && !isCnMobile(long) && long.endsWith(short.slice(3))
  );
}

const GIVEN_CODE_UNIT = GIVEN_CODE.charCodeAt(0);

/**
 * A number written without its country code and one with it, of the same national number (`#2070202579`
 * and `%2070202579`: `(020) 7020 2579` and `+44 20 7020 2579`); see features.ts' NO_CODE.
 */
function nationalNumbersAgree(x: string, y: string): boolean {
  return x.length === y.length && isNationalEntry(x) && isNationalEntry(y) && x.charCodeAt(0) !== y.charCodeAt(0) && x.endsWith(y.slice(1));
}

/**
 * Whether two phone lists share a number, and of which kind: MOBILE when a shared one is a mobile,
 * else NORTH_AMERICAN when one is a +1 number, else LANDLINE (DIFFERENT when none is shared).
 */
function sharedPhone(a: ContactList, b: ContactList): number {
  const na = contactCount(a);
  const nb = contactCount(b);
  let out = DIFFERENT;
  for (let i = 0; i < na; i++) {
    const x = contactAt(a, i);
    for (let j = 0; j < nb; j++) {
      const y = contactAt(b, j);
      let e164: string;
      if (x !== y) {
        if (sameLandline(x, y)) {
          out = Math.max(out, LANDLINE);
          continue;
        }
        if (!nationalNumbersAgree(x, y)) continue;
        // the number written with its code follows its E.164 form in its list: a mobile there
        // (`+44 7507 618099` / `07507 618099`) is one person's however the other was written
        e164 = x.charCodeAt(0) === GIVEN_CODE_UNIT ? contactAt(a, i - 1) : contactAt(b, j - 1);
      } else {
        // two numbers each written with its country code agree as E.164 forms, not by national number
        if (x.charCodeAt(0) === GIVEN_CODE_UNIT) continue;
        e164 = x;
      }
      if (isMobile(e164)) return MOBILE;
      out = Math.max(out, e164.startsWith('+1') ? NORTH_AMERICAN : LANDLINE);
    }
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
// Similarities are compared with a little slack: 0.7999999999999999 is 0.8 (one differing
// character in three), not "below 0.8".
const SLACK = 1e-9;
// The most postal code, locality and street together add (bits): more than one field's worth,
// less than their sum, since agreeing on the street nearly implies agreeing on the postal code.
const ADDRESS_CAP = 12;

/**
 * One organisation name in characters is the other with two to four characters in front: a city
 * or county the list of normalizeOrganizationName does not know (湖州星河科技 / 星河科技). The
 * shorter keeps four characters or more, so a trade word alone (科技) is not matched this way.
 */
function placeInFront(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const extra = long.length - short.length;
  return extra >= 2 && extra <= 4 && short.length >= 4 && isCjk(short.charCodeAt(0)) && isCjk(long.charCodeAt(0)) && long.endsWith(short);
}

/**
 * An organisation's name in characters against one in Latin letters that spells its trade name
 * (字号: the first two characters once the place and legal form are off) in pinyin, as Chinese
 * companies write their English names: 海明教育咨询 / `ShenYang HaiMing Education Consulting Co.,
 * Ltd.` (both normalised). The spelling needs five letters or more, so a short one is not found
 * inside another word by chance.
 */
function tradeNameInPinyin(x: string, y: string): boolean {
  const cx = isCjk(x.charCodeAt(0));
  if (cx === isCjk(y.charCodeAt(0))) return false;
  const [cjk, latin] = cx ? [x, y] : [y, x];
  if (cjk.length < 3) return false;
  const tradeName = pinyinOf(cjk.slice(0, 2));
  return tradeName.length >= 5 && latin.includes(tradeName);
}

const hasDigit = (s: string) => /[0-9]/.test(s);

/**
 * One street line holds the other: at its start, the rest left off (a unit, 人民路12号 /
 * 人民路12号3栋101室, or a street type, `919nlavergne` / `919nlavergneave`), or at its end after a
 * prefix without digits (the province, city and district written into the line,
 * 杭州市西湖区文三路1号 / 文三路1号; with digits it would be another house number, `112mainst` /
 * `12mainst`). The shorter needs a house number and four characters.
 */
function streetContains(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length < 4 || !hasDigit(short)) return false;
  if (long.startsWith(short)) return true;
  return long.endsWith(short) && !hasDigit(long.slice(0, long.length - short.length));
}

const digitsOf = (s: string) => s.replace(/[^0-9]/g, '');

/**
 * Two email addresses alike give or take typing damage (Jaro-Winkler of at least 0.9 over the
 * whole address) with the same digits: `matthew78@ballard-mcdonald.net` / `matthea78@bwllar-mcdonald.net`,
 * `zhangwei@gmial.com` / `zhangwei@gmail.com`. Digits that differ (`zhang.wei01` / `zhang.wei02`)
 * are another account, and so is the same name at another provider (`donna.smith@sky.com` /
 * `donna.smith@outlook.com`: the domains need a Jaro-Winkler of 0.8 as well).
 */
function closeEmails(a: ContactList, b: ContactList): boolean {
  return anyContactPair(a, b, emailsClose);
}

/** Two handles' keys (`network:handle`, features.ts' socialKey) of one network. */
function sameNetwork(x: string, y: string): boolean {
  const k = x.indexOf(':');
  if (k !== y.indexOf(':')) return false;
  for (let i = 0; i < k; i++) if (x.charCodeAt(i) !== y.charCodeAt(i)) return false;
  return true;
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);
const emailsClose = (x: string, y: string) => digitsOf(x) === digitsOf(y) && jaroWinkler(x, y) >= 0.9 - SLACK && jaroWinkler(domainOf(x), domainOf(y)) >= 0.8 - SLACK;

/**
 * Two organisation records name the same site: neither names one (the organisation itself), or
 * both do alike (`Flamboyan` / `St. Augustine - Flamboyan`, `重庆分公司` / `重慶分公司`).
 */
function sameSite(x: string, y: string): boolean {
  if (x === y) return true;
  if (x === '' || y === '') return false;
  return x.includes(y) || y.includes(x) || jaroWinkler(x, y) >= 0.9 - SLACK;
}

/**
 * Two people's records with the same given name (or a name and its nickname, `Elizabeth` / `Beth`)
 * and different family names, all four present.
 */
function marriedName(f: Features, a: number, b: number): boolean {
  const given = at(f.given, a);
  const other = at(f.given, b);
  const family = at(f.family, a);
  return (
    at(f.kind, a) === 0 && at(f.kind, b) === 0 && given !== '' && other !== '' && (given === other || areNicknames(given, other)) &&
    family !== '' && at(f.family, b) !== '' && family !== at(f.family, b)
  );
}

/** Both records carry one surname in Chinese characters, and each a given name. */
function sameCjkSurname(f: Features, a: number, b: number): boolean {
  const family = at(f.family, a);
  return family !== '' && family === at(f.family, b) && isCjk(family.charCodeAt(0)) && at(f.given, a) !== '' && at(f.given, b) !== '';
}

/** A birth date one digit apart or with day and month swapped (YYYYMMDD keys). */
function closeDates(x: string, y: string): boolean {
  return oneEditApart(x, y) || (x.slice(0, 4) === y.slice(0, 4) && x.slice(4, 6) === y.slice(6, 8) && x.slice(6, 8) === y.slice(4, 6));
}

/**
 * Birth dates this many days apart or fewer, not close by {@link closeDates}, neither agree nor
 * disagree (weight 0): two people that near in age are not siblings (born about nine months apart
 * at least; twins share a date), so such a pair is one person whose date was mistyped by weeks (a
 * wrong day and month, a registration date) or two namesakes the other fields must tell apart.
 */
const NEAR_BIRTH_DAYS = 92;
const dayOf = (k: string) => Date.UTC(Number(k.slice(0, 4)), Number(k.slice(4, 6)) - 1, Number(k.slice(6, 8))) / 86_400_000;
/** Days between two YYYYMMDD keys. */
const daysApart = (x: string, y: string) => Math.abs(dayOf(x) - dayOf(y));

/** Per-record adjustment (bits, at most 0) of an exact name agreement for how common the name is. */
export type NameFrequencyAdjustment = (i: number) => number;

/**
 * The Fellegi-Sunter score of records a and b: the sum over fields of the weight of the observed
 * agreement level. Pushes per-field evidence when `evidence` is given (only for pairs worth
 * reporting); without it the loop allocates nothing.
 */
export function scorePair(
  f: Features,
  a: number,
  b: number,
  w: WeightTable,
  p: MatchParameters,
  evidence?: FieldEvidence[],
  frequency?: NameFrequencyAdjustment,
  birthFrequency?: NameFrequencyAdjustment,
): number {
  let score = 0;
  let givenDiffers = false;
  let givenPartial = false;
  let givenClose = false;
  let givenHomophone = false;
  let nameDisagrees = false;
  let nameExact = false;
  const siteDiffers = at(f.kind, a) === 1 && at(f.kind, b) === 1 && !sameSite(at(f.namesake, a), at(f.namesake, b));
  // John Smith Jr. and John Smith (Sr.): father and son, unless something of one person's agrees
  const generationDiffers = at(f.kind, a) === 0 && at(f.kind, b) === 0 && at(f.namesake, a) !== at(f.namesake, b);
  const ea = at(f.emails, a);
  const eb = at(f.emails, b);
  const pa = at(f.phones, a);
  const pb = at(f.phones, b);
  const xa = at(f.socials, a);
  const xb = at(f.socials, b);
  const phoneShared = pa !== NO_CONTACTS && pb !== NO_CONTACTS ? sharedPhone(pa, pb) : NOT_COMPARED;
  const emailShared = ea !== NO_CONTACTS && eb !== NO_CONTACTS && anyShared(ea, eb);
  const socialShared = xa !== NO_CONTACTS && xb !== NO_CONTACTS && anyShared(xa, xb);
  // A woman's record under her married name: the same given name, another family name, and her
  // own mobile, email or handle kept, or a North American number, which may be a mobile (that plan
  // does not tell). Relatives share a family name, not a given name.
  const married = (phoneShared === MOBILE || phoneShared === NORTH_AMERICAN || emailShared || socialShared) && marriedName(f, a, b);
  const na = at(f.name, a);
  const nb = at(f.name, b);
  if (na && nb) {
    let level: number;
    let s = 1;
    // A person's name without a given name (王先生, a surname alone) is compared part by part even
    // when equal: two 王先生 are as likely two people as one. Either side's missing given name
    // counts, so the pair scores the same whichever record comes first.
    if (na === nb && (at(f.kind, a) !== 0 || (at(f.given, a) && at(f.given, b)))) level = 0;
    else if (at(f.kind, a) === 0) {
      const packed = personNameLevel(f, a, b);
      level = packed >> 4;
      givenDiffers = (packed & 1) === 1;
      givenPartial = (packed & 2) === 2;
      givenClose = (packed & 4) === 4;
      givenHomophone = (packed & 8) === 8;
      if (level > 0 && evidence) s = jaroWinkler(na, nb);
    } else {
      s = jaroWinkler(na, nb);
      level = s >= p.nameHigh - SLACK ? 1 : s >= p.nameMedium - SLACK ? 2 : 3;
      if (level > 1 && placeInFront(na, nb)) level = 1;
      else if (level === 3 && tradeNameInPinyin(na, nb)) level = 2;
    }
    // Two sites of one organisation (its head office and a branch, two branches) are two customers:
    // their name is one name, but not the same customer's.
    if (siteDiffers) level = 3;
    // Under a married name only the family name changed: as weak as a family name missing.
    if (married && level === 3) level = 2;
    nameExact = level === 0;
    // Equal names are one name; a name equal read the other way round (`Noah Watson` / `Watson Noah`)
    // counts as the commoner of the two, so the pair scores the same whichever record comes first.
    if (level === 0) score += note(evidence, 'name', 'exact', w.nameExact + (frequency ? (na === nb ? frequency(a) : Math.min(frequency(a), frequency(b))) : 0), 1);
    // A common name written two ways (`Zhang Wei` / 张伟) is as weak as the commoner of the two.
    else if (level === 1) score += note(evidence, 'name', 'high', w.nameHigh + (frequency ? Math.min(frequency(a), frequency(b)) : 0), s);
    else if (level === 2) score += note(evidence, 'name', 'medium', w.nameMedium, s);
    else {
      nameDisagrees = at(f.kind, a) === 0;
      score += note(evidence, 'name', 'disagree', w.nameDisagree, s);
    }
  }
  // Personal evidence first: it decides whether shared contact points count (households).
  let personal = false;
  let birthDisagrees = false;
  // An email both records give is one person's, unless their names say two people and no mobile
  // (one person's) is shared: then it is a family's or an office's (zhangfamily@...,
  // sales@...), and the landline and address they share are a household's too (weighed below).
  const sharedAccountIsPersonal = (!nameDisagrees && !givenDiffers) || phoneShared === MOBILE;
  if (ea !== NO_CONTACTS && eb !== NO_CONTACTS) {
    if (emailShared) {
      personal ||= sharedAccountIsPersonal;
      score += siteDiffers ? note(evidence, 'email', 'shared', 0) : note(evidence, 'email', 'agree', w.emailAgree);
    } else if (closeEmails(ea, eb)) score += note(evidence, 'email', 'high', w.emailClose);
    else score += note(evidence, 'email', 'disagree', w.emailDisagree);
  }
  // A social or IM handle (a WeChat id) counts as an email does: one person's unless the names say
  // two people and no mobile is shared (a family's account). Handles on a common network, none
  // shared, disagree; handles on different networks say nothing.
  if (xa !== NO_CONTACTS && xb !== NO_CONTACTS) {
    if (socialShared) {
      personal ||= sharedAccountIsPersonal;
      score += siteDiffers ? note(evidence, 'social', 'shared', 0) : note(evidence, 'social', 'agree', w.socialAgree);
    } else if (anyContactPair(xa, xb, sameNetwork)) score += note(evidence, 'social', 'disagree', w.socialDisagree);
  }
  if (married) personal = true;
  const ba = at(f.birthDate, a);
  const bb = at(f.birthDate, b);
  if (ba && bb) {
    // A shared birth date counts as personal: given names are mistyped far more often than twins
    // share a record's phone and address (FEBRL damages a given name in most duplicates). But
    // Chinese given names are not mistyped beyond recognition (an input method errs by sound, and
    // homophones are close here): the same surname in characters with given names that disagree
    // outright (孙丽 / 孙美) are twins, and the birth date is theirs both, unless they share a
    // mobile, which is one person's (a landline is the household's).
    if (ba === bb) {
      if (!(nameDisagrees && phoneShared !== MOBILE && sameCjkSurname(f, a, b))) personal = true;
      score += note(evidence, 'birthDate', 'agree', w.birthAgree + (birthFrequency ? birthFrequency(a) : 0));
    } else if (closeDates(ba, bb)) score += note(evidence, 'birthDate', 'high', w.birthClose);
    else if (daysApart(ba, bb) <= NEAR_BIRTH_DAYS) score += note(evidence, 'birthDate', 'medium', 0);
    else {
      birthDisagrees = true;
      score += note(evidence, 'birthDate', 'disagree', w.birthDisagree);
    }
  }
  const usccScore = single(evidence, f.uscc, a, b, 'uscc', w.usccAgree, w.usccDisagree);
  const residentScore = single(evidence, f.residentId, a, b, 'residentId', w.residentAgree, w.residentDisagree);
  personal ||= residentScore > 0;
  score += usccScore + residentScore;
  for (let k = 0; k < f.identifiers.length; k++) {
    const column = f.identifiers[k] as Column<string>;
    const x = at(column, a);
    const y = at(column, b);
    if (!x || !y) continue;
    const key = f.identifierKeys[k] as string;
    if (x === y) {
      personal = true;
      score += note(evidence, 'identifier', 'exact', w.identifierExact, undefined, key);
    } else if (oneEditApart(x, y)) score += note(evidence, 'identifier', 'high', w.identifierHigh, undefined, key);
    else score += note(evidence, 'identifier', 'disagree', w.identifierDisagree, undefined, key);
  }
  // A household or colleagues: the same phone and address, different given names, nothing personal
  // agreeing. A given name missing on a side (王先生), close only in sound across scripts, or a
  // generational suffix on one side (Jr.) needs a shared mobile as well, which is one person's,
  // where a landline is a household's or an office's. Close given names (马云 / 马云飞, 燕 / 岩) are one person's unless the birth dates disagree.
  // Homophone given names with each their own, different mobile are relatives too (丁诺子 /
  // 丁诺梓): a dropped character (陈秀珍 / 陈秀) with a new mobile is still one person.
  const weakGiven =
    ((givenPartial || generationDiffers) && phoneShared !== MOBILE) || (givenClose && birthDisagrees) || (givenHomophone && phoneShared !== NOT_COMPARED && mobilesDiffer(pa, pb));
  const shared = ((givenDiffers || nameDisagrees || weakGiven) && !personal) || siteDiffers;
  const sa = at(f.street, a);
  const sb = at(f.street, b);
  const streetSimilarity = sa && sb ? (sa === sb ? 1 : streetContains(sa, sb) ? Math.max(0.9, jaroWinkler(sa, sb)) : jaroWinkler(sa, sb)) : -1;
  // Two organisations' records at different streets, each with a house number, are two sites (or a
  // site and the one it moved from): the postal code and city they share tell the area, not the
  // site (Chicago's 60608 holds Gads Hill Center's sites on Ogden Avenue and on Cullerton Street),
  // and weigh 0. A street line without a number (the city typed into it) names no site.
  // An organisation's sites share its switchboard: two organisations at different streets whose
  // names are not the same (`Firman House East` / `Firman House West`, 某银行西湖支行 / 某银行滨江支行)
  // share a phone as a household does, so it weighs 0. The same name at a new street with the old
  // phone is a company that moved, and keeps the phone's weight. Both rules read `sitesApart`: a
  // street line without a number names no site, so neither applies to it.
  const sitesApart = at(f.kind, a) === 1 && at(f.kind, b) === 1 && streetSimilarity >= 0 && streetSimilarity < 0.9 - SLACK && hasDigit(sa) && hasDigit(sb);
  const switchboard = sitesApart && !nameExact;
  // A number one digit off is a typo only when the names agree: an office's extensions and a
  // family's numbers run in sequence too.
  if (phoneShared === DIFFERENT) {
    score += !nameDisagrees && !givenDiffers && closePhones(pa, pb) ? note(evidence, 'phone', 'high', w.phoneClose) : note(evidence, 'phone', 'disagree', w.phoneDisagree);
  }
  else if (phoneShared !== NOT_COMPARED) score += shared || switchboard ? note(evidence, 'phone', 'shared', 0) : note(evidence, 'phone', 'agree', w.phoneAgree);
  // Postal code, city and street say much the same thing: together they count at most ADDRESS_CAP.
  let address = contact(evidence, f.postalCode, a, b, 'postalCode', w.postalAgree, w.postalDisagree, shared || sitesApart);
  address += locality(evidence, f, a, b, w, shared || sitesApart);
  if (streetSimilarity === 1) address += shared ? note(evidence, 'street', 'shared', 0) : note(evidence, 'street', 'exact', w.streetExact, 1);
  else if (streetSimilarity >= 0.9 - SLACK) address += shared ? note(evidence, 'street', 'shared', 0, streetSimilarity) : note(evidence, 'street', 'high', w.streetHigh, streetSimilarity);
  else if (streetSimilarity >= 0) address += note(evidence, 'street', 'disagree', w.streetDisagree, streetSimilarity);
  if (address > ADDRESS_CAP) {
    if (evidence) evidence.push(sharedEvidence('address', 'cap', ADDRESS_CAP - address, undefined));
    address = ADDRESS_CAP;
  }
  return score + address;
}

/** Records evidence when asked; returns the weight. */
function note(evidence: FieldEvidence[] | undefined, field: MatchField, level: FieldEvidence['level'], weight: number, similarity?: number, key?: string): number {
  if (evidence === undefined) return weight;
  if (key === undefined) evidence.push(sharedEvidence(field, level, weight, similarity));
  // object literals, not spreads of optional parts: a search builds millions of these
  else if (similarity === undefined) evidence.push({ field, level, weight: round(weight), key });
  else evidence.push({ field, level, weight: round(weight), similarity: round(similarity), key });
  return weight;
}

const FIELD_CODES: Readonly<Record<MatchField, number>> = {
  name: 0, phone: 1, email: 2, postalCode: 3, locality: 4, street: 5, address: 6, birthDate: 7, uscc: 8, residentId: 9, identifier: 10, social: 11,
};
const LEVEL_CODES: Readonly<Record<FieldEvidence['level'], number>> = { exact: 0, high: 1, medium: 2, agree: 3, disagree: 4, shared: 5, cap: 6 };
// Most entries repeat from pair to pair (a phone agreeing weighs the same in every pair), so one
// frozen copy of each serves them all: a million-record search reports hundreds of thousands of
// pairs of about ten entries each. The copies are values, not state: bounded, and the same
// whichever search made them.
const EVIDENCE_KEPT = 65_536;
const keptEvidence = new Map<number, FieldEvidence>();

function freshEvidence(field: MatchField, level: FieldEvidence['level'], weight: number, similarity: number | undefined): FieldEvidence {
  return similarity === undefined ? { field, level, weight: round(weight) } : { field, level, weight: round(weight), similarity: round(similarity) };
}

/** A frozen evidence entry without a key, one copy per distinct content (up to EVIDENCE_KEPT of them). */
function sharedEvidence(field: MatchField, level: FieldEvidence['level'], weight: number, similarity: number | undefined): FieldEvidence {
  const milli = Math.round(weight * 1000);
  const simMilli = similarity === undefined ? 1001 : Math.round(similarity * 1000);
  if (!(Math.abs(milli) < 2 ** 20) || !(simMilli >= 0 && simMilli <= 1001)) return freshEvidence(field, level, weight, similarity);
  const code = ((FIELD_CODES[field] * 8 + LEVEL_CODES[level]) * 1024 + simMilli) * 2 ** 21 + (milli + 2 ** 20);
  let entry = keptEvidence.get(code);
  if (entry === undefined) {
    entry = Object.freeze(freshEvidence(field, level, weight, similarity));
    if (keptEvidence.size < EVIDENCE_KEPT) keptEvidence.set(code, entry);
  }
  return entry;
}

function single(evidence: FieldEvidence[] | undefined, column: Column<string>, a: number, b: number, field: MatchField, agree: number, disagree: number): number {
  const x = at(column, a);
  const y = at(column, b);
  if (!x || !y) return 0;
  return x === y ? note(evidence, field, 'agree', agree) : note(evidence, field, 'disagree', disagree);
}

function contact(evidence: FieldEvidence[] | undefined, column: Column<string>, a: number, b: number, field: MatchField, agree: number, disagree: number, shared: boolean): number {
  const x = at(column, a);
  const y = at(column, b);
  if (!x || !y) return 0;
  if (x !== y) return note(evidence, field, 'disagree', disagree);
  return shared ? note(evidence, field, 'shared', 0) : note(evidence, field, 'agree', agree);
}

/** City, then district where both have one: agree, disagree, or not compared. */
function locality(evidence: FieldEvidence[] | undefined, f: Features, a: number, b: number, w: WeightTable, shared: boolean): number {
  const ca = at(f.city, a);
  const cb = at(f.city, b);
  const da = at(f.district, a);
  const db = at(f.district, b);
  let agree: boolean;
  if (ca && cb) agree = ca === cb && (!da || !db || da === db);
  else if (da && db) agree = da === db;
  else return 0;
  if (!agree) return note(evidence, 'locality', 'disagree', w.localityDisagree);
  return shared ? note(evidence, 'locality', 'shared', 0) : note(evidence, 'locality', 'agree', w.localityAgree);
}

/** The exact identifier two records share that decides the pair on its own, if any. */
export function decidingIdentifier(f: Features, a: number, b: number): 'uscc' | 'residentId' | 'verifiedPhone' | undefined {
  if (at(f.uscc, a) && at(f.uscc, a) === at(f.uscc, b)) return 'uscc';
  if (at(f.residentId, a) && at(f.residentId, a) === at(f.residentId, b)) return 'residentId';
  const va = at(f.verifiedPhones, a);
  const vb = at(f.verifiedPhones, b);
  if (va !== NO_CONTACTS && vb !== NO_CONTACTS && anyShared(va, vb)) return 'verifiedPhone';
  return undefined;
}

/** Whether a pair's evidence shows a phone shared by a household or colleagues (level `shared`). */
export function sharesPhone(evidence: readonly FieldEvidence[]): boolean {
  return evidence.some((e) => e.field === 'phone' && e.level === 'shared');
}

/**
 * A pair's score for grouping matches into clusters: its score, or `Infinity` where a shared
 * identifier decides it (a verified phone a household shares decides nothing), as in judgePair.
 */
export function linkScore(f: Features, a: number, b: number, w: WeightTable, p: MatchParameters, frequency?: NameFrequencyAdjustment, birthFrequency?: NameFrequencyAdjustment): number {
  const score = scorePair(f, a, b, w, p, undefined, frequency, birthFrequency);
  const decided = decidingIdentifier(f, a, b);
  if (decided === undefined) return score;
  if (decided === 'verifiedPhone') {
    const evidence: FieldEvidence[] = [];
    scorePair(f, a, b, w, p, evidence, frequency, birthFrequency);
    if (sharesPhone(evidence)) return score;
  }
  return Infinity;
}
