import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCrmError } from 'crmkit';
import { applyExpiry, balance, openLots, redeem, reverse, type LedgerEntry } from 'crmkit/loyalty';
import { MemoryLoyaltyLedgerRepository } from 'crmkit/memory';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

/**
 * A second, deliberately naive implementation of the ledger semantics (arrays of objects, a linear
 * scan for expiry instead of a heap, no typed arrays) to check `balance` against.
 */
function naiveBalance(entries: readonly LedgerEntry[], asOf: number): number {
  const cls = (e: LedgerEntry) => (e.type === 'expire' ? 2 : e.points > 0 ? 0 : 1);
  const sorted = entries
    .filter((e) => e.occurredAt.getTime() <= asOf)
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || cls(a) - cls(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lots: { id: string; left: number; lapsed: number; expires: number }[] = [];
  let posted = 0;
  let pending = 0;
  let debt = 0;
  const lapse = (t: number) => {
    for (const lot of lots) {
      if (lot.expires <= t && lot.left > 0) {
        pending += lot.left;
        lot.lapsed += lot.left;
        lot.left = 0;
      }
    }
  };
  // what each negative entry took, lot by lot, for reversals that put points back (the documented rule)
  const taken = new Map<string, { lot: (typeof lots)[number]; take: number }[]>();
  const consume = (points: number, preferred?: string, id?: string) => {
    let need = points;
    const pieces: { lot: (typeof lots)[number]; take: number }[] = [];
    const own = lots.find((l) => l.id === preferred);
    if (own) {
      const take = Math.min(own.left, need);
      own.left -= take;
      need -= take;
      if (take > 0) pieces.push({ lot: own, take });
    }
    for (const lot of lots) {
      const take = Math.min(lot.left, need);
      lot.left -= take;
      need -= take;
      if (take > 0) pieces.push({ lot, take });
    }
    debt += need;
    if (id !== undefined) taken.set(id, pieces);
  };
  for (const e of sorted) {
    posted += e.points;
    lapse(e.occurredAt.getTime());
    if (e.type === 'expire') {
      // posts what lapsed from its lot; the rest is taken like any negative entry
      const lot = lots.find((l) => l.id === e.lotId);
      const fromLapsed = Math.min(lot?.lapsed ?? 0, -e.points);
      if (lot) lot.lapsed -= fromLapsed;
      pending -= fromLapsed;
      consume(-e.points - fromLapsed, e.lotId);
      continue;
    }
    if (e.points > 0) {
      let own = e.points;
      let expires = e.expiresAt?.getTime() ?? Infinity;
      const pieces = e.reverses !== undefined && e.expiresAt === undefined ? taken.get(e.reverses) : undefined;
      if (pieces) {
        // last taken first, back into lots that have not expired; the rest in the entry's own lot,
        // which expires at once when it holds points of expired lots
        let give = e.points;
        let expired = 0;
        for (const piece of [...pieces].reverse()) {
          const back = Math.min(give, piece.take);
          piece.take -= back;
          give -= back;
          if (piece.lot.expires > e.occurredAt.getTime()) piece.lot.left += back;
          else expired += back;
        }
        own = give + expired;
        if (expired > 0) expires = e.occurredAt.getTime();
        if (own === 0) continue;
      }
      const paid = Math.min(debt, own);
      debt -= paid;
      lots.push({ id: e.id, left: own - paid, lapsed: 0, expires });
    } else consume(-e.points, e.reverses, e.id);
  }
  lapse(asOf);
  return posted - pending;
}

type Op =
  | { kind: 'earn'; gap: number; points: number; life: number | null }
  | { kind: 'redeem'; gap: number; points: number }
  | { kind: 'reverse'; gap: number; pick: number }
  | { kind: 'expire'; gap: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('earn' as const), gap: fc.integer({ min: 0, max: 60 }), points: fc.integer({ min: 1, max: 500 }), life: fc.option(fc.integer({ min: 0, max: 400 })) }),
  fc.record({ kind: fc.constant('redeem' as const), gap: fc.integer({ min: 0, max: 60 }), points: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('reverse' as const), gap: fc.integer({ min: 0, max: 60 }), pick: fc.nat() }),
  fc.record({ kind: fc.constant('expire' as const), gap: fc.integer({ min: 0, max: 60 }) }),
);

/** Builds a ledger through the public API only, checking the balance is never negative on the way. */
function build(ops: readonly Op[]): { entries: LedgerEntry[]; end: number } {
  const entries: LedgerEntry[] = [];
  let t = T0;
  ops.forEach((op, i) => {
    t += op.gap * DAY;
    const asOf = new Date(t);
    if (op.kind === 'earn') {
      entries.push({
        id: `earn:${i}`,
        customerId: 'c',
        type: 'earn',
        points: op.points,
        occurredAt: asOf,
        ...(op.life !== null && { expiresAt: new Date(t + op.life * DAY) }),
      });
    } else if (op.kind === 'redeem') {
      try {
        entries.push(redeem(entries, op.points, { asOf, id: `redeem:${i}`, customerId: 'c' }));
      } catch (e) {
        if (!isCrmError(e, 'INSUFFICIENT_POINTS')) throw e;
      }
    } else if (op.kind === 'reverse') {
      const candidates = entries.filter((e) => e.type === 'earn' || e.type === 'redeem');
      const target = candidates[op.pick % Math.max(1, candidates.length)];
      if (target && !entries.some((e) => e.id === `reverse:${target.id}`)) {
        const { entry } = reverse(entries, target.id, { asOf });
        if (entry) entries.push(entry);
      }
    } else {
      for (const e of applyExpiry(entries, { asOf })) if (!entries.some((x) => x.id === e.id)) entries.push(e);
    }
    expect(balance(entries, { asOf })).toBeGreaterThanOrEqual(0);
  });
  return { entries, end: t };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const ops = fc.array(opArb, { maxLength: 40 });

describe('ledger properties', () => {
  it('the balance is never negative, at any instant', () => {
    fc.assert(
      fc.property(ops, fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 5 }), (list, probes) => {
        const { entries } = build(list);
        for (const p of probes) expect(balance(entries, { asOf: new Date(T0 + p * DAY) })).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('agrees with a naive second implementation', () => {
    fc.assert(
      fc.property(ops, fc.integer({ min: 0, max: 3000 }), (list, p) => {
        const { entries } = build(list);
        const asOf = T0 + p * DAY;
        expect(balance(entries, { asOf: new Date(asOf) })).toBe(naiveBalance(entries, asOf));
      }),
    );
  });

  it('once expiry is posted, the entries sum to the balance', () => {
    fc.assert(
      fc.property(ops, fc.integer({ min: 0, max: 500 }), (list, extra) => {
        const { entries, end } = build(list);
        const asOf = new Date(end + extra * DAY);
        const posted = [...entries, ...applyExpiry(entries, { asOf })];
        expect(posted.reduce((s, e) => s + e.points, 0)).toBe(balance(posted, { asOf }));
        expect(balance(posted, { asOf })).toBe(balance(entries, { asOf }));
      }),
    );
  });

  it('replaying the same entries in any order of append, keys repeated, gives the same state', async () => {
    await fc.assert(
      fc.asyncProperty(ops, fc.integer(), fc.integer({ min: 0, max: 3000 }), async (list, seed, p) => {
        const { entries } = build(list);
        const asOf = new Date(T0 + p * DAY);
        const again = shuffled([...entries, ...entries.filter((_, i) => i % 3 === 0)], seed);
        const repo = new MemoryLoyaltyLedgerRepository();
        await repo.append(again);
        await repo.append(shuffled(entries, seed + 1));
        const replayed = await repo.entriesOf('c');
        expect(replayed).toHaveLength(entries.length);
        expect(balance(replayed, { asOf })).toBe(balance(entries, { asOf }));
        expect(openLots(shuffled(entries, seed), { asOf })).toEqual(openLots(entries, { asOf }));
        expect(applyExpiry(shuffled(entries, seed), { asOf })).toEqual(applyExpiry(entries, { asOf }));
      }),
    );
  });

  it('redeem then reverse restores the balance', () => {
    fc.assert(
      fc.property(ops, fc.double({ min: 0, max: 1, noNaN: true }), (list, share) => {
        const { entries, end } = build(list);
        const asOf = new Date(end);
        const before = balance(entries, { asOf });
        fc.pre(before > 0);
        const points = Math.max(1, Math.floor(before * share));
        const spent = [...entries, redeem(entries, points, { asOf, id: 'r-x', customerId: 'c' })];
        expect(balance(spent, { asOf })).toBe(before - points);
        const back = reverse(spent, 'r-x', { asOf }).entry as LedgerEntry;
        expect(balance([...spent, back], { asOf })).toBe(before);
      }),
    );
  });
});
