// The two phone loaders must hand crmkit the same answers: the static one (bundlers, browsers) and
// the one Node's ESM build uses, which requires libphonenumber-js's CommonJS build on first use.
// Expected values: the static loader, that is libphonenumber-js's ES module build (a second copy of
// the same library and metadata), on numbers of several regions, valid and not.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { CountryCode } from 'libphonenumber-js/min';
import { phoneLibrary as staticLibrary } from '../../src/validation/phoneLibrary';
import { phoneLibrary as nodeLibrary } from '../../src/validation/phoneLibrary.node';

const NUMBERS: readonly (readonly [string, CountryCode])[] = [
  ['+44 20 7946 0958', 'GB'],
  ['020 7946 0958', 'GB'],
  ['+1 415 555 2671', 'US'],
  ['(415) 555-2671', 'US'],
  ['010-8888 6666', 'CN'],
  ['+852 2123 4567', 'HK'],
  ['+81 3-1234-5678', 'JP'],
  ['12345', 'CN'],
  ['not a number', 'US'],
];

describe('phoneLibrary on Node (lazy require)', () => {
  it('loads the CommonJS build of libphonenumber-js/min, once', () => {
    const first = nodeLibrary();
    expect(first).toBe(nodeLibrary());
    expect(first).toBe(createRequire(import.meta.url)('libphonenumber-js/min'));
  });

  it.each(NUMBERS)('%s (%s): parses and validates as the static import does', (text, region) => {
    const [a, b] = [staticLibrary(), nodeLibrary()];
    expect(b.parsePhoneNumberFromString(text, region)?.number).toBe(a.parsePhoneNumberFromString(text, region)?.number);
    const e164 = a.parsePhoneNumberFromString(text, region)?.number;
    if (e164 !== undefined) expect(b.isValidPhoneNumber(e164, region)).toBe(a.isValidPhoneNumber(e164, region));
  });
});
