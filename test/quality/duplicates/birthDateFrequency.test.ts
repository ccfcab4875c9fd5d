import { describe, expect, it } from 'vitest';
import type { Customer } from 'crmkit';
import { findDuplicates } from 'crmkit/quality';
import { person } from '../helpers';

// A birth date many records share (a 1 January placeholder for "year known, day not", 1900-01-01
// for "unknown") says less than one that is nobody else's: its agreement weight is adjusted like
// a common name's, log2(E[tf] / tf) at most 0 and at least -6, with E[tf] = sum(count^2) / n^2.
const born = (id: string, name: string, date: string) => person(id, name, { person: { birthDate: new Date(`${date}T00:00:00Z`) } });
const day = (k: number) => new Date(Date.UTC(1950, 0, 2 + k)).toISOString().slice(0, 10);

describe('birth-date frequency', () => {
  // 100 people with their own birth dates and 10 with the placeholder 1900-01-01
  const customers: Customer[] = [
    ...Array.from({ length: 100 }, (_, k) => born(`d${k}`, `Person ${k}`, day(k))),
    ...Array.from({ length: 8 }, (_, k) => born(`p${k}`, `Someone ${k}`, '1900-01-01')),
    born('a', 'Art', '1900-01-01'),
    born('b', 'Art Black', '1900-01-01'),
  ];
  const compareArts = (options = {}) =>
    findDuplicates(customers, { keys: [], customKeys: [(c) => (c.displayName.startsWith('Art') ? 'art' : undefined)], reviewThreshold: -100, ...options }).pairs[0];

  it('weakens an agreement on a placeholder date shared by many records', () => {
    // Hand calculation: n = 110, counts 100 x 1 and 1 x 10: E[tf] = (100 + 100) / 110^2 = 0.016529;
    // tf = 10 / 110 = 0.090909; log2(0.016529 / 0.090909) = log2(0.181818) = -2.459. Birth date agree
    // log2(0.9 / 0.0005) = 10.814, so 8.354; with the given name alone (medium, 1.585) the pair
    // scores 9.939 instead of 12.399.
    const pair = compareArts();
    expect(pair?.evidence.find((e) => e.field === 'birthDate')?.weight).toBeCloseTo(8.354, 3);
    expect(pair?.score).toBeCloseTo(1.585 + 8.354, 2);
  });

  it('is off with nameFrequency: false', () => {
    expect(compareArts({ nameFrequency: false })?.evidence.find((e) => e.field === 'birthDate')?.weight).toBeCloseTo(10.814, 3);
  });
});
