import { describe, expect, it } from 'vitest';
import {
  isCnMobile,
  isCnPostalCode,
  isEmail,
  isValidPhone,
  isValidResidentId,
  isValidUscc,
  residentIdBirthDate,
  residentIdCheckDigit,
  usccCheckCharacter,
} from 'crmkit/validation';

describe('Unified Social Credit Code (GB 32100-2015)', () => {
  it('accepts the standard\'s own example 91350100M000100Y43', () => {
    // GB 32100-2015 Appendix example; check character worked by hand:
    // codes 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4 times weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28
    // = 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; 31-28 = 3 -> '3'.
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });

  it('accepts spaced, lower-case and full-width forms of a valid code', () => {
    expect(isValidUscc('9135 0100 m000 100y43')).toBe(true);
    expect(isValidUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe(true);
  });

  it('rejects a wrong check character, letters outside the alphabet, and wrong lengths', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100I000100Y43')).toBe(false); // I is not in the alphabet
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('')).toBe(false);
  });

  it('uses weights 3^i mod 31, as the standard defines', () => {
    const weights = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
    expect(weights).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });
});

describe('resident identity number (GB 11643-1999)', () => {
  it("accepts the standard's example 11010519491231002X", () => {
    // Hand calculation: digits 1,1,0,1,0,5,1,9,4,9,1,2,3,1,0,0,2 times 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2
    // = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 -> 'X'.
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
    expect(residentIdBirthDate('11010519491231002X')?.toISOString().slice(0, 10)).toBe('1949-12-31');
  });

  it('rejects a wrong check digit, an impossible date, and a future birth date given asOf', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    // 1949-02-30 does not exist; check digit recomputed so only the date is wrong.
    const bad = `11010519490230002`;
    expect(isValidResidentId(bad + residentIdCheckDigit(bad))).toBe(false);
    const future = '11010520300101002';
    const id = future + residentIdCheckDigit(future);
    expect(isValidResidentId(id)).toBe(true);
    expect(isValidResidentId(id, { asOf: new Date('2026-01-01') })).toBe(false);
  });
});

describe('mainland mobile numbers', () => {
  it('accepts allocated prefixes in common formats', () => {
    for (const n of ['13812345678', '+86 138-1234-5678', '0086 13812345678', '8613812345678', '１３８１２３４５６７８', '19912345678', '16612345678']) {
      expect(isCnMobile(n), n).toBe(true);
    }
  });

  it('rejects unallocated prefixes, wrong lengths and landlines', () => {
    for (const n of ['12345678901', '15412345678', '1381234567', '138123456789', '01065529988', '']) {
      expect(isCnMobile(n), n).toBe(false);
    }
  });
});

describe('international phone numbers (libphonenumber-js metadata)', () => {
  it('accepts valid numbers in several regions and rejects junk', () => {
    expect(isValidPhone('+44 20 7946 0958')).toBe(true);
    expect(isValidPhone('+1 415 555 2671')).toBe(true);
    expect(isValidPhone('(010) 6552 9988')).toBe(true); // Beijing landline, default region CN
    expect(isValidPhone('2345 6789', { defaultRegion: 'HK' })).toBe(true);
    expect(isValidPhone('123')).toBe(false);
    expect(isValidPhone('not a phone')).toBe(false);
  });
});

describe('email and postal codes', () => {
  it('applies the WHATWG rule with a dotted domain', () => {
    expect(isEmail('li.lei@example.cn')).toBe(true);
    expect(isEmail('Li.Lei＠Example.COM')).toBe(true);
    expect(isEmail('li.lei@localhost')).toBe(false);
    expect(isEmail('li lei@example.cn')).toBe(true); // white space is removed by normalisation first
    expect(isEmail('@example.cn')).toBe(false);
    expect(isEmail(`${'a'.repeat(250)}@example.cn`)).toBe(false);
  });

  it('accepts six-digit mainland postal codes only', () => {
    expect(isCnPostalCode('100080')).toBe(true);
    expect(isCnPostalCode(' １００ ０８０ ')).toBe(true);
    expect(isCnPostalCode('10008')).toBe(false);
    expect(isCnPostalCode('900080')).toBe(false);
  });
});
