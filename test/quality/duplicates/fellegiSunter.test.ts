import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_PARAMETERS, levelWeight } from 'crmkit/quality';
import { expectThrowsCode as expectCrmError } from '../helpers';

describe('Fellegi-Sunter weights', () => {
  it('is log2(m/u) (Fellegi and Sunter 1969), by hand', () => {
    expect(levelWeight({ m: 0.9, u: 0.01 })).toBeCloseTo(Math.log(90) / Math.log(2), 12);
    expect(levelWeight({ m: 0.5, u: 0.5 })).toBe(0);
    expect(levelWeight({ m: 0.1, u: 0.8 })).toBe(-3);
  });

  it('default levels of each field are probability distributions (m and u each sum to 1)', () => {
    const p = DEFAULT_MATCH_PARAMETERS;
    const fields = [p.name, p.phone, p.email, p.postalCode, p.birthDate, p.uscc, p.residentId] as Record<string, { m: number; u: number }>[];
    for (const f of fields) {
      const levels = Object.values(f);
      expect(levels.reduce((s, l) => s + l.m, 0)).toBeCloseTo(1, 12);
      expect(levels.reduce((s, l) => s + l.u, 0)).toBeCloseTo(1, 12);
    }
  });

  it('refuses probabilities outside (0, 1]', () => {
    expectCrmError(() => levelWeight({ m: 0, u: 0.1 }), 'INVALID_ARGUMENT');
    expectCrmError(() => levelWeight({ m: 0.5, u: Number.NaN }), 'INVALID_ARGUMENT');
  });
});
