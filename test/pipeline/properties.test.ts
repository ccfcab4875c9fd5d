// Invariants of the pipeline figures over random books (fast-check). Deals are random walks through
// the default B2B pipeline's machine; moves it refuses are skipped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money, isCrmError } from 'crmkit';
import {
  DEFAULT_B2B_PIPELINE as P,
  createOpportunity,
  moveOpportunity,
  pipelineChanges,
  replayStages,
  stageConversion,
  toOpportunityBook,
  weightedForecast,
  type Opportunity,
} from 'crmkit/pipeline';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const STAGES = P.definition.stages.map((s) => s.id);
const PROB: Record<string, number> = Object.fromEntries(P.definition.stages.map((s) => [s.id, s.probability]));

const dealArb = fc.record({
  // Up to 2^53 − 1 minor units, so amount × basis points overflows float64 and the exact path runs.
  minor: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.constant(Number.MAX_SAFE_INTEGER), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
  currency: fc.constantFrom('CNY', 'JPY', 'USD'),
  start: fc.integer({ min: 0, max: 3 }),
  createdDay: fc.integer({ min: 0, max: 200 }),
  closeDay: fc.integer({ min: 0, max: 400 }),
  override: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
  steps: fc.array(fc.tuple(fc.integer({ min: 0, max: STAGES.length - 1 }), fc.integer({ min: 0, max: 40 }), fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined })), { maxLength: 8 }),
});

type DealGen = typeof dealArb extends fc.Arbitrary<infer T> ? T : never;

/** Builds one deal; returns every version (amount edits as plain saves). */
function walk(k: number, g: DealGen): Opportunity[] {
  let t = T0 + g.createdDay * DAY;
  let o = createOpportunity(P, {
    id: `o-${k}`, customerId: 'c', ownerId: `u-${k % 3}`, name: 'd', amount: Money.ofMinor(g.minor, g.currency),
    stage: STAGES[g.start] as string, expectedCloseDate: new Date(T0 + g.closeDay * DAY),
    ...(g.override !== undefined && { probability: g.override / 10_000 }),
  }, { now: new Date(t) }).opportunity;
  const out = [o];
  for (const [to, gap, amount] of g.steps) {
    t += gap * DAY;
    if (amount !== undefined) {
      o = { ...o, amount: Money.ofMinor(amount, g.currency), version: o.version + 1, updatedAt: new Date(t) };
      out.push(o);
      continue;
    }
    try {
      o = moveOpportunity(P, o, STAGES[to] as string, { now: new Date(t), reason: 'r' }).opportunity;
      out.push(o);
    } catch (e) {
      if (!isCrmError(e) || e.code !== 'INVALID_TRANSITION') throw e;
    }
  }
  return out;
}

const bookArb = fc.array(dealArb, { maxLength: 25 }).map((gs) => gs.map((g, k) => walk(k, g)));
const asOf = new Date(T0 + 300 * DAY);
const window = { start: new Date(T0), end: new Date(T0 + 500 * DAY) };

describe('pipeline invariants', () => {
  it('weighted forecast never exceeds the open amount, and equals a Decimal sum deal by deal', () => {
    fc.assert(fc.property(bookArb, (all) => {
      const deals = all.map((v) => v[v.length - 1] as Opportunity);
      const f = weightedForecast(P, deals, { asOf, period: window, categories: [] });
      for (const r of [...f.byPeriod, ...f.byOwner, ...f.total]) expect(r.weighted.compare(r.amount)).toBeLessThanOrEqual(0);
      // Second implementation: Money (Decimal) per deal, with the stage read from the history as of asOf.
      for (const row of f.total) {
        let expected = Money.zero(row.currency);
        for (const o of deals) {
          const seen = o.stageHistory.filter((e) => e.at <= asOf);
          const entry = seen[seen.length - 1];
          if (o.amount.currency !== row.currency || entry === undefined || !['lead', 'qualified', 'proposal', 'negotiation'].includes(entry.stage)) continue;
          const p = o.probability !== undefined && seen.length === o.stageHistory.length ? o.probability : (PROB[entry.stage] as number);
          expected = expected.plus(o.amount.times(String(Math.round(p * 10_000))).times('0.0001'));
        }
        expect(row.weighted.equals(expected)).toBe(true);
      }
    }), { numRuns: 60 });
  });

  it('the funnel never increases from stage to stage', () => {
    fc.assert(fc.property(bookArb, (all) => {
      const steps = stageConversion(P, all.map((v) => v[v.length - 1] as Opportunity), { asOf });
      for (let i = 1; i < steps.length; i++) expect(steps[i]!.reached).toBeLessThanOrEqual(steps[i - 1]!.reached);
    }), { numRuns: 150 });
  });

  it('replaying the stage history gives the current stage', () => {
    fc.assert(fc.property(bookArb, (all) => {
      for (const v of all) {
        const o = v[v.length - 1] as Opportunity;
        expect(replayStages(P, o.stageHistory)).toBe(o.stage);
      }
    }), { numRuns: 150 });
  });

  it('the waterfall adds up: start + new + pulled in + increased − decreased − pushed out − won − lost = end', () => {
    fc.assert(fc.property(bookArb, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 400 }), (all, a, len, w) => {
      const from = new Date(T0 + a * DAY);
      const to = new Date(from.getTime() + len * DAY);
      const period = { start: new Date(T0 + w * DAY), end: new Date(T0 + (w + 90) * DAY) };
      for (const r of pipelineChanges(P, all.flat(), from, to, { period })) {
        const total = r.start.amount.plus(r.new.amount).plus(r.pulledIn.amount).plus(r.increased.amount)
          .minus(r.decreased.amount).minus(r.pushedOut.amount).minus(r.won.amount).minus(r.lost.amount);
        expect(total.equals(r.end.amount)).toBe(true);
        expect(r.start.count + r.new.count + r.pulledIn.count - r.pushedOut.count - r.won.count - r.lost.count).toBe(r.end.count);
      }
    }), { numRuns: 150 });
  });

  it('the book reads amounts in minor units exactly as Money.toMinor does (second implementation)', () => {
    const base = createOpportunity(P, {
      id: 'o', customerId: 'c', ownerId: 'u', name: 'd', amount: Money.of('1', 'CNY'), stage: 'lead', expectedCloseDate: new Date(T0),
    }, { now: new Date(T0) }).opportunity;
    const amountArb = fc.tuple(
      fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }),
      fc.constantFrom('CNY', 'JPY', 'KWD'),
      fc.integer({ min: 0, max: 12 }),
    );
    fc.assert(fc.property(amountArb, ([units, currency, shift]) => {
      // units × 10^-shift: whole minor units only when the shift is within the currency's digits
      const m = Money.of(shift === 0 ? units.toString() : `${units / 10n ** BigInt(shift)}.${(units % 10n ** BigInt(shift)).toString().padStart(shift, '0')}`, currency);
      const exact = m.round('down').equals(m) && m.toMinor() <= BigInt(Number.MAX_SAFE_INTEGER);
      let got: number | string;
      try {
        got = toOpportunityBook([{ ...base, amount: m }]).amountMinor[0] as number;
      } catch (e) {
        got = isCrmError(e) ? e.code : 'not a CrmError';
      }
      expect(got).toEqual(exact ? Number(m.toMinor()) : 'INVALID_ARGUMENT');
    }), { numRuns: 2000 });
  });
});
