import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_PARAMETERS, clusterPairs, createDuplicateIndex, estimateMatchParameters, evaluateDuplicates, findDuplicates, levelWeight, syntheticCustomers } from 'crmkit/quality';
import { expectThrowsCode, organization, person } from '../helpers';

const phone = (value: string, verified?: boolean) => ({ type: 'phone' as const, value, ...(verified !== undefined && { verified }) });
const address = (postalCode: string) => ({ type: 'address' as const, country: 'CN', line1: '中关村大街1号', postalCode });
const W = (l: { m: number; u: number }) => levelWeight(l);
const P = DEFAULT_MATCH_PARAMETERS;

describe('findDuplicates', () => {
  it('scores a pair as the sum of field weights (hand calculation from the default m/u)', () => {
    const r = findDuplicates([
      person('a', '李雷', { contactPoints: [phone('13812345678'), address('100080')] }),
      person('b', '李 雷', { contactPoints: [phone('+86 138 1234 5678'), address('100081')] }),
    ]);
    // name exact + phone agree + postal disagree + street exact (both 中关村大街1号); the name is
    // held by both of the two records, the average share, so its frequency adjustment is 0
    const expected = W(P.name.exact) + W(P.phone.agree) + W(P.postalCode.disagree) + W(P.street!.exact);
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]?.score).toBeCloseTo(expected, 3);
    expect(r.pairs[0]?.evidence.map((e) => [e.field, e.level])).toEqual([['name', 'exact'], ['phone', 'agree'], ['postalCode', 'disagree'], ['street', 'exact']]);
    expect(r.clusters).toEqual([['a', 'b']]);
  });

  it('lets a shared USCC or verified phone decide on its own, and never matches a person with an organisation', () => {
    const uscc = '91350100M000100Y43'; // the GB 32100-2015 example used in src/validation tests
    const r = findDuplicates([
      organization('o1', '甲公司', uscc),
      organization('o2', '完全不同的名字有限公司', uscc),
      person('p1', '王芳', { contactPoints: [phone('13900000001', true)] }),
      person('p2', 'WANG Fang', { contactPoints: [phone('13900000001', true)] }), // the pinyin of 王芳, surname first
      person('p3', '张强', { contactPoints: [phone('13900000002')] }),
      organization('o3', '张强', undefined, { contactPoints: [phone('13900000002')] }),
    ]);
    expect(r.pairs.find((p) => p.a === 'o1')?.decidedBy).toBe('uscc');
    expect(r.pairs.find((p) => p.a === 'p1')?.decidedBy).toBe('verifiedPhone');
    expect(r.clusters).toEqual([['o1', 'o2'], ['p1', 'p2']]);
    expect(r.pairs.some((p) => p.a === 'o3' || p.b === 'o3')).toBe(false);
  });

  it('does not count a phone two differently named people share (a household or colleagues)', () => {
    const r = findDuplicates([person('a', '刘洋', { contactPoints: [phone('13811112222')] }), person('b', '陈静', { contactPoints: [phone('13811112222')] })]);
    // name disagree (-5.0) + phone shared (0): below the review threshold, not reported
    expect(r.pairs).toEqual([]);
    const withEmail = findDuplicates(
      [
        person('a', '刘洋', { contactPoints: [phone('13811112222'), { type: 'email', value: 'ly@example.com' }] }),
        person('b', '刘阳', { contactPoints: [phone('13811112222'), { type: 'email', value: 'ly@example.com' }] }),
      ],
      { keys: ['phone'] },
    );
    // 洋 and 阳 are both "yang": given names agree as homophones (family exact + given similar = high),
    // so the phone counts: high (+5.6) + email agree (+12.8) + phone agree (+12.8)
    expect(withEmail.pairs[0]?.score).toBeCloseTo(W(P.name.high) + W(P.email.agree) + W(P.phone.agree), 3);
  });

  it('tells relatives sharing a landline, an address and a surname apart unless the given name or a personal identifier agrees', () => {
    const home = [phone('057188001234'), { type: 'address' as const, country: 'CN', city: '杭州市', district: '西湖区', line1: '文三路90号', postalCode: '310012' }];
    const r = findDuplicates([person('a', '王建国', { contactPoints: home }), person('b', '王秀英', { contactPoints: home })]);
    // name disagree (family equal, given different) -5.0; phone, postal code, locality and street shared: 0 each
    expect(r.pairs).toEqual([]);
    const sameBirth = findDuplicates([
      person('a', '王建国', { contactPoints: home, person: { birthDate: new Date('1960-03-01') } }),
      person('b', '王健国', { contactPoints: home, person: { birthDate: new Date('1960-03-01') } }),
    ]);
    expect(sameBirth.clusters).toEqual([['a', 'b']]);
  });

  it('skips blocks larger than maxBlockSize and counts them', () => {
    const shared = Array.from({ length: 5 }, (_, i) => person(`c${i}`, `客户${i}号`, { contactPoints: [phone('4008123123')] }));
    const r = findDuplicates(shared, { maxBlockSize: 4, keys: ['phone'] });
    expect(r).toMatchObject({ comparisons: 0, skippedBlocks: 1, pairs: [] });
  });

  it('compares a block bigger than blockWindow by windows in name order', () => {
    // six records on one switchboard number; sorted by name 客户0号 .. 客户5号. All pairs: 6 * 5 / 2 = 15.
    // Windows of 3: each record with the next two in order, 2 + 2 + 2 + 2 + 1 + 0 = 9.
    const shared = Array.from({ length: 6 }, (_, i) => person(`c${i}`, `客户${i}号`, { contactPoints: [phone('4008123123')] }));
    expect(findDuplicates(shared, { keys: ['phone'] }).comparisons).toBe(15);
    expect(findDuplicates(shared, { keys: ['phone'], blockWindow: 3 }).comparisons).toBe(9);
    expect(findDuplicates(shared, { keys: ['phone'], blockWindow: 6 }).comparisons).toBe(15);
    expectThrowsCode(() => findDuplicates(shared, { blockWindow: 1 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => findDuplicates(shared, { blockWindow: 2.5 }), 'INVALID_ARGUMENT');
  });

  it('uses adopter-defined blocking keys', () => {
    const a = person('a', '孙丽', { externalIds: { erp: 'E1' }, person: { birthDate: new Date('1990-01-02') } });
    const b = person('b', '孙丽', { externalIds: { erp: 'E1' }, person: { birthDate: new Date('1990-01-02') } });
    expect(findDuplicates([a, b], { keys: [] }).comparisons).toBe(0);
    expect(findDuplicates([a, b], { keys: [], customKeys: [(c) => c.externalIds.erp] }).clusters).toEqual([['a', 'b']]);
  });

  it('rejects repeated ids and bad thresholds', () => {
    expectThrowsCode(() => findDuplicates([person('a', 'x'), person('a', 'y')]), 'DUPLICATE_ID');
    expectThrowsCode(() => findDuplicates([], { threshold: Number.NaN }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => findDuplicates([], { threshold: 5, reviewThreshold: 6 }), 'INVALID_ARGUMENT');
  });

  it('uses the thresholds the parameters carry unless the options give a threshold (hand calculation from the default m/u)', () => {
    // The pair of the first test scores name exact + phone agree + postal disagree + street exact
    // = 7.82 + 12.77 - 3.31 + 8.45, about 25.7 bits.
    const pair = [
      person('a', '李雷', { contactPoints: [phone('13812345678'), address('100080')] }),
      person('b', '李 雷', { contactPoints: [phone('+86 138 1234 5678'), address('100081')] }),
    ];
    const score = W(P.name.exact) + W(P.phone.agree) + W(P.postalCode.disagree) + W(P.street!.exact);
    expect(score).toBeGreaterThan(25);
    expect(score).toBeLessThan(26);
    const status = (options: Parameters<typeof findDuplicates>[1]) => findDuplicates(pair, options).pairs.map((p) => p.status);
    // carried 27 / 23: the pair is left for review; carried 27 / 26: below review, not reported
    expect(status({ parameters: { ...P, threshold: 27, reviewThreshold: 23 } })).toEqual(['review']);
    expect(status({ parameters: { ...P, threshold: 27, reviewThreshold: 26 } })).toEqual([]);
    // a threshold in the options wins, with the default review threshold (4), not the carried one
    expect(status({ parameters: { ...P, threshold: 27, reviewThreshold: 26 }, threshold: 20 })).toEqual(['match']);
    // a carried threshold below 4 without a review threshold reviews from that threshold down to itself
    expect(status({ parameters: { ...P, threshold: 2 } })).toEqual(['match']);
    // carried thresholds are checked like the options'
    expectThrowsCode(() => findDuplicates(pair, { parameters: { ...P, threshold: Number.NaN } }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => findDuplicates(pair, { parameters: { ...P, threshold: 5, reviewThreshold: 6 } }), 'INVALID_ARGUMENT');
  });

  it('refuses more contact points than the customer model holds (200), everywhere a record is read', () => {
    const many = (id: string, n: number) =>
      person(id, 'Sam Walker', { contactPoints: Array.from({ length: n }, (_, k) => phone(`+86138${String(k).padStart(8, '0')}`)) });
    expect(findDuplicates([many('a', 200), many('b', 200)]).pairs).toHaveLength(1);
    expectThrowsCode(() => findDuplicates([many('a', 200), many('b', 201)]), 'INVALID_ARGUMENT');
    expectThrowsCode(() => createDuplicateIndex([many('a', 201)]), 'INVALID_ARGUMENT');
    const index = createDuplicateIndex([many('a', 200)]);
    expectThrowsCode(() => index.match(many('b', 201)), 'INVALID_ARGUMENT');
    expectThrowsCode(() => index.add(many('b', 201)), 'INVALID_ARGUMENT');
    expectThrowsCode(() => estimateMatchParameters([many('a', 1), many('b', 201)]), 'INVALID_ARGUMENT');
  });

  it('compares fields of a megabyte, beyond the model, without stalling', () => {
    // a street line, an email and a name of a million characters each, one unit apart: blocked
    // together by the shared phone, each compared with Jaro-Winkler (quadratic in the length
    // before; now sorted positions)
    const long = 'a'.repeat(1_000_000);
    const record = (id: string, tail: string) =>
      person(id, `Sam ${long}${tail}`, {
        contactPoints: [phone('13812345678'), { type: 'email', value: `${long}${tail}@example.com` }, { type: 'address', country: 'CN', city: '杭州市', line1: `${long}${tail}` }],
      });
    const r = findDuplicates([record('a', 'x'), record('b', 'y')]);
    expect(r.pairs).toHaveLength(1);
    const levels = Object.fromEntries((r.pairs[0]?.evidence ?? []).map((e) => [e.field, e.level]));
    expect(levels).toMatchObject({ phone: 'agree', email: 'high', street: 'high' });
  });

  it('finds duplicates in the synthetic set with F1 of at least 0.95 (truth: the generator)', () => {
    const s = syntheticCustomers({ count: 10_000, seed: 11, asOf: new Date('2026-01-01') });
    const q = evaluateDuplicates(findDuplicates(s.customers).clusters, s.clusters);
    expect(q.f1).toBeGreaterThanOrEqual(0.95);
    expect(q.precision).toBeGreaterThanOrEqual(0.99);
  });
});

describe('clusterPairs', () => {
  /** Second implementation: connected components by depth-first search. */
  function components(pairs: [string, string][]): string[][] {
    const adj = new Map<string, string[]>();
    for (const [a, b] of pairs) {
      adj.set(a, [...(adj.get(a) ?? []), b]);
      adj.set(b, [...(adj.get(b) ?? []), a]);
    }
    const seen = new Set<string>();
    const out: string[][] = [];
    for (const start of adj.keys()) {
      if (seen.has(start)) continue;
      const group: string[] = [];
      const stack = [start];
      seen.add(start);
      while (stack.length) {
        const x = stack.pop() as string;
        group.push(x);
        for (const y of adj.get(x) ?? []) {
          if (!seen.has(y)) {
            seen.add(y);
            stack.push(y);
          }
        }
      }
      if (group.length > 1) out.push(group.sort());
    }
    return out.sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
  }

  it('equals connected components found by depth-first search (property)', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
    fc.assert(fc.property(fc.array(fc.tuple(id, id), { maxLength: 12 }), (pairs) => {
      expect(clusterPairs(pairs)).toEqual(components(pairs));
    }));
  });
});

describe('evaluateDuplicates', () => {
  it('counts pairs by hand', () => {
    // found pairs: ab ac bc; true pairs: ab de. TP=1 (ab), FP=2, FN=1; P=1/3, R=1/2, F1=2PR/(P+R)=0.4
    const q = evaluateDuplicates([['a', 'b', 'c']], [['a', 'b'], ['d', 'e']]);
    expect(q).toMatchObject({ truePositives: 1, falsePositives: 2, falseNegatives: 1, recall: 0.5 });
    expect(q.precision).toBeCloseTo(1 / 3, 12);
    expect(q.f1).toBeCloseTo(0.4, 12);
  });
});
