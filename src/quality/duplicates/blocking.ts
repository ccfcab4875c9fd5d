import type { Customer } from '../../customer/customer';
import type { Features } from './features';

/**
 * The built-in blocking keys: records are only compared when they share at least one key, which
 * keeps duplicate detection near-linear instead of comparing every pair.
 *
 * - `phone`: a normalised (E.164) phone number
 * - `email`: a normalised email address
 * - `uscc`: a valid Unified Social Credit Code
 * - `residentId`: a valid resident identity number
 * - `namePostalCode`: the normalised name and the first address's postal code
 * - `postalCodeInitial`: the postal code and the first character of the normalised name (catches
 *   typos after the first character when phone and email changed)
 * - `nameBirthDate`: the normalised name and the birth date
 *
 * @example
 * ```ts
 * import { BLOCKING_KEYS } from 'crmkit/quality';
 * BLOCKING_KEYS.includes('phone');
 * //=> true
 * ```
 */
export const BLOCKING_KEYS = ['phone', 'email', 'uscc', 'residentId', 'namePostalCode', 'postalCodeInitial', 'nameBirthDate'] as const;

/**
 * A key in {@link BLOCKING_KEYS}.
 *
 * @example
 * ```ts
 * const key: BlockingKey = 'namePostalCode';
 * ```
 */
export type BlockingKey = (typeof BLOCKING_KEYS)[number];

/**
 * An adopter-defined blocking key: returns the key(s) of a customer, or undefined for none. Records
 * sharing a key are compared.
 *
 * @example
 * ```ts
 * const byMemberCard: CustomBlockingKey = (c) => c.externalIds['loyalty'];
 * ```
 */
export type CustomBlockingKey = (customer: Customer) => string | readonly string[] | undefined;

/** Appends the built-in key values of record i to `out`. */
function builtInKeys(key: BlockingKey, f: Features, i: number, out: string[]): void {
  switch (key) {
    case 'phone':
      for (const p of f.phones[i] as readonly string[]) out.push(p);
      return;
    case 'email':
      for (const e of f.emails[i] as readonly string[]) out.push(e);
      return;
    case 'uscc':
      if (f.uscc[i]) out.push(f.uscc[i] as string);
      return;
    case 'residentId':
      if (f.residentId[i]) out.push(f.residentId[i] as string);
      return;
    case 'namePostalCode':
      if (f.name[i] && f.postalCode[i]) out.push(`${f.name[i]}\u0000${f.postalCode[i]}`);
      return;
    case 'postalCodeInitial':
      if (f.name[i] && f.postalCode[i]) out.push(`${f.postalCode[i]}\u0000${(f.name[i] as string).slice(0, 1)}`);
      return;
    case 'nameBirthDate':
      if (f.name[i] && f.birthDate[i]) out.push(`${f.name[i]}\u0000${f.birthDate[i]}`);
      return;
  }
}

/** What blocking produced: candidate pairs as `a * n + b` codes (a < b) and the blocks skipped. */
export interface CandidatePairs {
  readonly codes: number[];
  readonly skippedBlocks: number;
}

/**
 * Builds blocks one key at a time (so only one key's index is in memory at once) and collects the
 * distinct pairs of records sharing a block. Blocks larger than `maxBlockSize` are skipped and
 * counted: a key shared by hundreds of records (a switchboard number, `test@test.com`) is not
 * evidence of identity.
 */
export function candidatePairs(
  customers: readonly Customer[],
  f: Features,
  keys: readonly BlockingKey[],
  custom: readonly CustomBlockingKey[],
  maxBlockSize: number,
): CandidatePairs {
  const n = customers.length;
  const seen = new Set<number>();
  const codes: number[] = [];
  let skippedBlocks = 0;
  const values: string[] = [];
  const sources: ((i: number) => void)[] = [
    ...keys.map((key) => (i: number) => builtInKeys(key, f, i, values)),
    ...custom.map((fn) => (i: number) => {
      const v = fn(customers[i] as Customer);
      if (typeof v === 'string') values.push(v);
      else if (v) for (const s of v) values.push(s);
    }),
  ];
  for (const collect of sources) {
    const index = new Map<string, number | number[]>();
    for (let i = 0; i < n; i++) {
      values.length = 0;
      collect(i);
      for (const v of values) {
        const hit = index.get(v);
        if (hit === undefined) index.set(v, i);
        else if (typeof hit === 'number') {
          if (hit !== i) index.set(v, [hit, i]);
        } else if (hit[hit.length - 1] !== i) hit.push(i);
      }
    }
    for (const block of index.values()) {
      if (typeof block === 'number') continue;
      if (block.length > maxBlockSize) {
        skippedBlocks++;
        continue;
      }
      for (let x = 0; x < block.length; x++) {
        for (let y = x + 1; y < block.length; y++) {
          const a = block[x] as number;
          const b = block[y] as number;
          const code = a < b ? a * n + b : b * n + a;
          if (!seen.has(code)) {
            seen.add(code);
            codes.push(code);
          }
        }
      }
    }
  }
  return { codes, skippedBlocks };
}
