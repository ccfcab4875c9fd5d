import { assert } from '../errors';

/**
 * What a value is, which decides how {@link maskValue} masks it: `phone`, `email`, `name` (Chinese
 * or Western), `residentId` (居民身份证号), `uscc` (统一社会信用代码), `bankCard` or `address`.
 *
 * @example
 * ```ts
 * import { MASK_KINDS } from 'crmkit/privacy';
 * MASK_KINDS.includes('bankCard');
 * //=> true
 * ```
 */
export const MASK_KINDS = ['phone', 'email', 'name', 'residentId', 'uscc', 'bankCard', 'address'] as const;

/**
 * A kind in {@link MASK_KINDS}.
 *
 * @example
 * ```ts
 * const kind: MaskKind = 'phone';
 * ```
 */
export type MaskKind = (typeof MASK_KINDS)[number];

const MASK = '*';
const MAX_LENGTH = 4096;
const HAN = /\p{Script=Han}/u;
const DIGIT_OR_MASK = /^[0-9*]$/;
const ALNUM_OR_MASK = /^[0-9A-Za-z*]$/;
const LETTER_OR_MASK = /^[\p{L}\p{N}*]$/u;

/**
 * Masks the positions of `chars` that `isPosition` accepts, keeping the first `head` and last `tail`
 * of them. At least half of the positions are always masked (short values reveal less).
 */
function keepEnds(chars: readonly string[], isPosition: (c: string) => boolean, head: number, tail: number): string {
  let n = 0;
  for (const c of chars) if (isPosition(c)) n++;
  const reveal = Math.max(0, Math.min(head + tail, n - Math.ceil(n / 3), n - 1));
  const t = Math.min(tail, reveal);
  const h = Math.min(head, reveal - t);
  let i = 0;
  let out = '';
  for (const c of chars) {
    if (!isPosition(c)) {
      out += c;
      continue;
    }
    out += i < h || i >= n - t ? c : MASK;
    i++;
  }
  return out;
}

/** Phone: the four digits before the last four are masked (`138****5678`); `*` counts as a digit so masking again changes nothing. */
function maskPhone(chars: readonly string[]): string {
  let n = 0;
  for (const c of chars) if (DIGIT_OR_MASK.test(c)) n++;
  if (n < 8) return keepEnds(chars, (c) => DIGIT_OR_MASK.test(c), 0, 2);
  let i = 0;
  let out = '';
  for (const c of chars) {
    if (!DIGIT_OR_MASK.test(c)) {
      out += c;
      continue;
    }
    out += i >= n - 8 && i < n - 4 ? MASK : c;
    i++;
  }
  return out;
}

/** Email: the first character of the local part and at most three `*`; the domain is kept. */
function maskEmail(chars: readonly string[]): string {
  const at = chars.lastIndexOf('@');
  const local = at < 0 ? chars : chars.slice(0, at);
  const rest = at < 0 ? '' : chars.slice(at).join('');
  const masked = local.length <= 1 ? MASK.repeat(local.length) : (local[0] as string) + MASK.repeat(Math.min(local.length - 1, 3));
  return masked + rest;
}

/** Names: Chinese keep the first character (the surname, 张**); Western keep each word's initial (J*** S****). */
function maskName(chars: readonly string[]): string {
  if (chars.some((c) => HAN.test(c))) {
    let first = chars.filter((c) => LETTER_OR_MASK.test(c)).length > 1;
    return chars.map((c) => {
      if (!LETTER_OR_MASK.test(c)) return c;
      const out = first ? c : MASK;
      first = false;
      return out;
    }).join('');
  }
  let wordStart = true;
  return chars.map((c) => {
    if (!LETTER_OR_MASK.test(c)) {
      wordStart = true;
      return c;
    }
    const out = wordStart ? c : MASK;
    wordStart = false;
    return out;
  }).join('');
}

/** The end (exclusive) of the district-level part of a Chinese address: the first 区, 县 or 旗 that is not 自治区 or 特别行政区. */
const DISTRICT = /^.*?(?<!自治|行政)[区县旗]/u;

/** Address: kept up to the district (区/县) and the rest replaced by at most four `*`. */
function maskAddress(value: string, chars: readonly string[]): string {
  const m = DISTRICT.exec(value) ?? /^.*?市/u.exec(value);
  if (m !== null) {
    const restLength = chars.length - Array.from(m[0]).length;
    return m[0] + MASK.repeat(Math.min(restLength, 4));
  }
  // Not a Chinese address: keep the parts after the first comma (city, state), mask the street.
  const comma = value.indexOf(',');
  if (comma > 0) return MASK.repeat(Math.min(Array.from(value.slice(0, comma)).length, 4)) + value.slice(comma);
  return MASK.repeat(Math.min(chars.length, 4));
}

/**
 * Masks a personal value for display (脱敏), in the patterns of Chinese practice (GB/T 35273-2020
 * 个人信息安全规范 3.14 去标识化 and its display examples; PCI DSS 3.4 for cards):
 *
 * | kind         | rule                                                     | example                 |
 * | ------------ | -------------------------------------------------------- | ----------------------- |
 * | `phone`      | the four digits before the last four                     | `138****5678`           |
 * | `email`      | first character of the local part, at most three `*`      | `z***@example.cn`       |
 * | `name`       | Chinese: the surname character; Western: each initial    | `张**`, `J*** S****`    |
 * | `residentId` | first 3 and last 4                                       | `110***********123X`    |
 * | `uscc`       | first 4 and last 4                                       | `9111**********1234`    |
 * | `bankCard`   | first 6 (the BIN) and last 4                             | `622202******1234`      |
 * | `address`    | up to the district (区/县), then at most four `*`         | `北京市海淀区****`      |
 *
 * Separators (spaces, `-`, `+`, `@`) are kept; at least a third of an identifier's characters
 * are masked whatever its length. The result is never longer than the input, the same input always
 * gives the same output, and masking a masked value changes nothing (`*` counts as a hidden character).
 *
 * @param value - the value (at most 4096 characters)
 * @param kind - see {@link MASK_KINDS}
 * @returns the masked value
 * @throws {CrmError} `INVALID_ARGUMENT` for a non-string or too long value or an unknown kind
 *   (the value is never in the message)
 *
 * @example
 * ```ts
 * import { maskValue } from 'crmkit/privacy';
 * maskValue('13812345678', 'phone');
 * //=> '138****5678'
 * maskValue('+86 138 1234 5678', 'phone');
 * //=> '+86 138 **** 5678'
 * maskValue('zhangsan@example.cn', 'email');
 * //=> 'z***@example.cn'
 * maskValue('欧阳娜娜', 'name');
 * //=> '欧***'
 * maskValue('John Smith', 'name');
 * //=> 'J*** S****'
 * maskValue('11010519491231002X', 'residentId');
 * //=> '110***********002X'
 * maskValue('6222021234567891234', 'bankCard');
 * //=> '622202*********1234'
 * maskValue('北京市海淀区中关村大街1号', 'address');
 * //=> '北京市海淀区****'
 * ```
 */
export function maskValue(value: string, kind: MaskKind): string {
  assert(typeof value === 'string' && value.length <= MAX_LENGTH, 'INVALID_ARGUMENT', { params: { field: 'value', rule: 'expected a string of at most 4096 characters' } });
  const chars = Array.from(value);
  switch (kind) {
    case 'phone':
      return maskPhone(chars);
    case 'email':
      return maskEmail(chars);
    case 'name':
      return maskName(chars);
    case 'residentId':
      return keepEnds(chars, (c) => ALNUM_OR_MASK.test(c), 3, 4);
    case 'uscc':
      return keepEnds(chars, (c) => ALNUM_OR_MASK.test(c), 4, 4);
    case 'bankCard':
      return keepEnds(chars, (c) => DIGIT_OR_MASK.test(c), 6, 4);
    case 'address':
      return maskAddress(value, chars);
    default:
      assert(false, 'INVALID_ARGUMENT', { params: { field: 'kind', rule: `must be one of ${MASK_KINDS.join(', ')}` } });
  }
}
