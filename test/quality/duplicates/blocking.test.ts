import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatePairs } from '../../../src/quality/duplicates/blocking';
import { extractFeatures } from '../../../src/quality/duplicates/features';
import { person } from '../helpers';

describe('blocking (internal)', () => {
  it('yields every pair sharing a key, each once, as found by comparing all pairs (property)', () => {
    const phones = fc.array(fc.constantFrom('13800000001', '138 0000 0001', '13800000002', '13800000003', '+8613800000004'), { maxLength: 2 });
    const names = fc.constantFrom('李雷', '李 雷', '韩梅梅', '陳小明', '陈小明');
    const postal = fc.constantFrom('', '100080', '200000');
    fc.assert(
      fc.property(fc.array(fc.tuple(names, phones, postal), { maxLength: 25 }), (rows) => {
        const customers = rows.map(([name, ps, pc], i) =>
          person(`c${i}`, name, {
            contactPoints: [
              ...ps.map((value) => ({ type: 'phone' as const, value })),
              ...(pc ? [{ type: 'address' as const, country: 'CN', line1: 'x', postalCode: pc }] : []),
            ],
          }),
        );
        const f = extractFeatures(customers, 'CN');
        const n = customers.length;
        const { codes } = candidatePairs(customers, f, ['phone', 'namePostalCode'], [], 100);
        expect(new Set(codes).size).toBe(codes.length);
        const got = new Set(codes);
        // Second implementation: all pairs, keys compared as strings.
        for (let a = 0; a < n; a++) {
          for (let b = a + 1; b < n; b++) {
            const sharePhone = f.phones[a]!.some((p) => f.phones[b]!.includes(p));
            const shareNamePostal = f.name[a] === f.name[b] && f.postalCode[a] !== '' && f.postalCode[a] === f.postalCode[b];
            if (sharePhone || shareNamePostal) expect(got.has(a * n + b)).toBe(true);
          }
        }
      }),
    );
  });
});
