import type { MaskKind } from '../masking/maskValue';

/**
 * The form a value is indexed in, so that spellings of the same value meet: phone numbers as
 * `+<digits>` (an 11-digit mainland mobile gets `+86`, a `00` prefix becomes `+`); e-mail trimmed
 * and lower-cased; names NFKC, lower-cased, single-spaced; identity numbers and USCC upper-cased
 * without spaces; bank cards digits only; addresses NFKC and single-spaced.
 */
export function normalizeForIndex(value: string, kind: MaskKind): string {
  const nfkc = value.normalize('NFKC').trim();
  switch (kind) {
    case 'phone': {
      let v = nfkc.replace(/[\s().-]/g, '');
      if (v.startsWith('00')) v = `+${v.slice(2)}`;
      if (/^1[3-9]\d{9}$/.test(v)) v = `+86${v}`;
      return v;
    }
    case 'email':
      return nfkc.toLowerCase();
    case 'name':
      return nfkc.toLowerCase().replace(/\s+/g, ' ');
    case 'residentId':
    case 'uscc':
      return nfkc.replace(/\s+/g, '').toUpperCase();
    case 'bankCard':
      return nfkc.replace(/\D/g, '');
    case 'address':
      return nfkc.replace(/\s+/g, ' ');
  }
}
