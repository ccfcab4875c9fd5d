import type { Customer } from '../../customer/customer';
import { isValidResidentId } from '../../validation/checks/residentId';
import { isValidUscc, normalizeUscc } from '../../validation/checks/uscc';
import { toHalfWidth } from '../../validation/normalize/text';
import { normalizeEmail } from '../../validation/normalize/email';
import { normalizePhone } from '../../validation/normalize/phone';
import { normalizePostalCode } from '../../validation/normalize/postalCode';
import { normalizeName, normalizeOrganizationName } from './similarity';

/**
 * The normalised fields of every record, column by column, so pairwise scoring reads flat arrays
 * instead of walking customer objects. Empty string or empty array means "missing".
 */
export interface Features {
  readonly ids: readonly string[];
  readonly kind: Uint8Array;
  readonly name: string[];
  readonly phones: (readonly string[])[];
  readonly verifiedPhones: (readonly string[])[];
  readonly emails: (readonly string[])[];
  readonly postalCode: string[];
  readonly birthDate: string[];
  readonly uscc: string[];
  readonly residentId: string[];
}

const NONE: readonly string[] = [];
const NONE_POINTS: Customer['contactPoints'] = [];

/** The UTC day number of a date as a string key ('' when absent or invalid). */
function dayKey(d: unknown): string {
  if (!(d instanceof Date)) return '';
  const t = d.getTime();
  return Number.isNaN(t) ? '' : String(Math.floor(t / 86_400_000));
}

/** Extracts matching features from customers, normalising with src/validation's normalisers. */
export function extractFeatures(customers: readonly Customer[], defaultRegion: string): Features {
  const n = customers.length;
  const f: Features = {
    ids: customers.map((c) => c.id),
    kind: new Uint8Array(n),
    name: new Array<string>(n),
    phones: new Array<readonly string[]>(n),
    verifiedPhones: new Array<readonly string[]>(n),
    emails: new Array<readonly string[]>(n),
    postalCode: new Array<string>(n),
    birthDate: new Array<string>(n),
    uscc: new Array<string>(n),
    residentId: new Array<string>(n),
  };
  const region = { defaultRegion };
  for (let i = 0; i < n; i++) {
    const c = customers[i] as Customer;
    const org = c.kind === 'organization';
    f.kind[i] = org ? 1 : 0;
    f.name[i] = org ? normalizeOrganizationName(c.organization?.legalName ?? c.displayName) : normalizeName(c.displayName);
    let phones: string[] | undefined;
    let verified: string[] | undefined;
    let emails: string[] | undefined;
    let postal = '';
    for (const p of c.contactPoints ?? NONE_POINTS) {
      if (p.type === 'phone') {
        const e164 = normalizePhone(p.value, region);
        if (e164 === undefined) continue;
        (phones ??= []).push(e164);
        if (p.verified === true) (verified ??= []).push(e164);
      } else if (p.type === 'email') {
        (emails ??= []).push(normalizeEmail(p.value).toLowerCase());
      } else if (p.type === 'address' && postal === '' && p.postalCode) {
        postal = normalizePostalCode(p.postalCode, p.country.toUpperCase());
      }
    }
    f.phones[i] = phones ?? NONE;
    f.verifiedPhones[i] = verified ?? NONE;
    f.emails[i] = emails ?? NONE;
    f.postalCode[i] = postal;
    f.birthDate[i] = dayKey(c.person?.birthDate);
    const uscc = c.organization?.uscc;
    f.uscc[i] = uscc && isValidUscc(uscc) ? normalizeUscc(uscc) : '';
    const rid = c.person?.residentId;
    f.residentId[i] = rid && isValidResidentId(rid) ? toHalfWidth(rid).trim().toUpperCase() : '';
  }
  return f;
}

