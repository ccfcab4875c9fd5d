import { requireDenseArray, requireString } from '../../core/guards';

/**
 * Converts full-width ASCII forms (U+FF01-U+FF5E) and the ideographic space (U+3000) to their
 * half-width equivalents: `'ＡＢＣ　１２３'` becomes `'ABC 123'`. CJK characters are untouched.
 *
 * @param value - any string
 * @returns the half-width string
 *
 * @example
 * ```ts
 * import { toHalfWidth } from 'crmkit/validation';
 * toHalfWidth('１３８（北京）');
 * //=> '138(北京)'
 * ```
 */
export function toHalfWidth(value: string): string {
  requireString(value, 'value');
  // Fast path: most input has nothing to convert.
  if (!/[\uFF01-\uFF5E\u3000]/.test(value)) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += value[i];
  }
  return out;
}

/**
 * Trims and collapses every run of white space (including the ideographic space and non-breaking
 * space) to one ASCII space.
 *
 * @param value - any string
 * @returns the tidied string
 *
 * @example
 * ```ts
 * import { normalizeWhitespace } from 'crmkit/validation';
 * normalizeWhitespace('  Li \u3000 Lei\n');
 * //=> 'Li Lei'
 * ```
 */
export function normalizeWhitespace(value: string): string {
  requireString(value, 'value');
  // Most values are already clean: no edge space, no run of spaces, no space other than U+0020.
  if (!UNCLEAN_SPACE.test(value)) return value;
  return value.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

// `\s` covers U+3000 and U+00A0 and the other Unicode spaces.
const UNCLEAN_SPACE = /^\s|\s$|\s\s|[^\S ]/;

/**
 * Normalises free text for storage and matching: half-width forms, then white space collapsed.
 *
 * @param value - any string
 * @returns the normalised string
 *
 * @example
 * ```ts
 * import { normalizeText } from 'crmkit/validation';
 * normalizeText(' ＡＢＣ 科技　有限公司 ');
 * //=> 'ABC 科技 有限公司'
 * ```
 */
export function normalizeText(value: string): string {
  return normalizeWhitespace(toHalfWidth(value));
}

/**
 * Normalises a tag: text normalisation, lower case, inner spaces to `-`. `' VIP 客户 '` becomes `'vip-客户'`.
 *
 * @param tag - a tag as typed
 * @returns the canonical tag
 *
 * @example
 * ```ts
 * import { normalizeTag } from 'crmkit/validation';
 * normalizeTag(' High Value ');
 * //=> 'high-value'
 * ```
 */
export function normalizeTag(tag: string): string {
  requireString(tag, 'tag');
  const lower = normalizeText(tag).toLowerCase();
  return lower.includes(' ') ? lower.replace(/ /g, '-') : lower;
}

/**
 * Normalises, de-duplicates and drops empty tags, keeping first-seen order.
 *
 * @param tags - tags as typed
 * @returns canonical unique tags
 *
 * @example
 * ```ts
 * import { normalizeTags } from 'crmkit/validation';
 * normalizeTags(['VIP', 'vip ', ' ', 'New Customer']);
 * //=> ['vip', 'new-customer']
 * ```
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const t of requireDenseArray<string>(tags, 'tags')) {
    const n = normalizeTag(t);
    if (n) seen.add(n);
  }
  return [...seen];
}
