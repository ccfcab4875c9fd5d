import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateSchema, type Customer } from 'crmkit';
import { findDuplicates } from 'crmkit/quality';
import { person } from '../helpers';
import { at } from '../../../src/quality/duplicates/column';
import { extractFeatures } from '../../../src/quality/duplicates/featureRows';

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

describe('birth dates given as ISO text (records parsed from JSON)', () => {
  // The customer schema reads `1972-10-26` and `1972-10-26T00:00:00.000Z` as dates; a record parsed
  // from JSON carries them so. They must weigh as the Date would, not be dropped.
  const withBirth = (id: string, birthDate: unknown) => person(id, 'Art Black', { person: { birthDate } } as unknown as Partial<Customer>);
  const birthEvidence = (x: unknown, y: unknown) =>
    findDuplicates([withBirth('a', x), withBirth('b', y)], { keys: [], customKeys: [() => 'k'], reviewThreshold: -100 }).pairs[0]?.evidence.find((e) => e.field === 'birthDate');

  it('agrees as the Date does, for a calendar date and for a timestamp with an offset', () => {
    const date = new Date('1972-10-26T00:00:00Z');
    expect(birthEvidence(date, '1972-10-26')?.level).toBe('agree');
    expect(birthEvidence(date, '1972-10-26T00:00:00.000Z')?.level).toBe('agree');
    expect(birthEvidence(date, '1972-10-26T23:59:59.999Z')?.level).toBe('agree');
    expect(birthEvidence(date, '1972-10-26T23:00:00-02:00')?.level).toBe('high');
    // 08:00 in Beijing on the 26th is the 26th in UTC too; 07:00 there is the 25th in UTC, as a Date
    expect(birthEvidence(date, '1972-10-26T08:00:00+08:00')?.level).toBe('agree');
    expect(birthEvidence(date, '1972-10-26T07:00:00+08:00')?.level).toBe(birthEvidence(date, new Date('1972-10-25T23:00:00Z'))?.level);
    expect(birthEvidence(date, '1972-10-27')?.level).toBe('high');
    expect(birthEvidence('1972-10-26', '1985-03-01')?.level).toBe('disagree');
  });

  it('ignores text that is not an ISO date, and impossible dates', () => {
    const date = new Date('1972-10-26T00:00:00Z');
    for (const text of ['Oct 26 1972', '26/10/1972', '1972-02-30', '1900-02-29', '1972-13-01', '1972-04-31', '19721026', '', '1972-10-26T00:00:00', '1972-10-26T24:00:00Z', '0000-01-01']) {
      expect(birthEvidence(date, text)).toBeUndefined();
    }
    // leap days are days: 2000 and 1972 are leap years
    expect(birthEvidence(new Date('2000-02-29T00:00:00Z'), '2000-02-29')?.level).toBe('agree');
    expect(birthEvidence(new Date('1972-02-29T00:00:00Z'), '1972-02-29T00:00:00Z')?.level).toBe('agree');
  });
});

// The birth-date key extraction gives a record (YYYYMMDD, '' for none).
const keyOf = (birthDate: unknown) => at(extractFeatures([person('x', 'A B', { person: { birthDate } } as unknown as Partial<Customer>)], 'CN').birthDate, 0);

describe('birth-date keys of ISO text against the Date (property)', () => {
  // A second path: the key of a Date's toISOString() and of the same instant written with any
  // whole-minute offset must be the key of the Date itself (its UTC calendar day).
  const withOffset = (d: Date, minutes: number) => {
    const local = new Date(d.getTime() + minutes * 60_000).toISOString().slice(0, 19);
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  };
  it('agrees with the Date for toISOString and for offsets from -14:00 to +14:00', () => {
    const instant = fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true });
    fc.assert(fc.property(instant, fc.integer({ min: -840, max: 840 }), (d, minutes) => {
      const key = keyOf(d);
      expect(key).toMatch(/^\d{8}$/);
      expect(keyOf(d.toISOString())).toBe(key);
      expect(keyOf(withOffset(d, minutes))).toBe(key);
    }));
  });
});

describe('birth-date text read as the customer schema reads it (differential, DateSchema)', () => {
  // The second implementation is the customer schema itself: text is a birth date here exactly
  // when DateSchema accepts it, and then its key is the key of the Date DateSchema makes.
  const two = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((v) => String(v).padStart(2, '0'));
  const text = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0')), two(0, 13), two(0, 32),
      fc.option(fc.tuple(two(0, 25), two(0, 61), fc.option(two(0, 61)), fc.option(fc.string({ unit: fc.constantFrom('0', '5', '9'), minLength: 0, maxLength: 10 }))), { nil: undefined }),
      fc.constantFrom('Z', '+08:00', '-05:30', '+0800', '+14:00', '+24:00', ''),
    )
    .map(([y, m, d, time, zone]) => {
      if (time === undefined) return `${y}-${m}-${d}`;
      const [hh, mm, ss, frac] = time;
      return `${y}-${m}-${d}T${hh}:${mm}${ss === null ? '' : `:${ss}`}${frac === null ? '' : `.${frac}`}${zone}`;
    });

  it('accepts exactly the texts DateSchema accepts, with the same day', () => {
    fc.assert(fc.property(text, (t) => {
      const parsed = DateSchema.safeParse(t);
      const expected = parsed.success ? keyOf(parsed.data) : '';
      expect(keyOf(t)).toBe(expected);
    }), { numRuns: 1000 });
  });
});
