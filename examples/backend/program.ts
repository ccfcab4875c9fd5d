/** The demo's loyalty programme and stored segment rules (an adopter keeps these in configuration). */
import { parseLoyaltyProgram } from 'crmkit/loyalty';
import { parseSegmentRule } from 'crmkit/segmentation';
import type { StoredSegment } from './context';

/** 1 point per dollar, points expire 12 months after they are earned, silver from 1,000 points. */
export const program = parseLoyaltyProgram({
  id: 'cd-club',
  name: 'CD Club',
  currency: 'USD',
  earning: { rate: { spend: { amount: '1', currency: 'USD' }, points: 1 } },
  tiers: [
    { id: 'member', name: 'Member', threshold: { points: 0 } },
    { id: 'silver', name: 'Silver', threshold: { points: 1000 }, multiplier: '1.2' },
  ],
  qualification: { basis: 'points', window: { kind: 'rolling', months: 12 } },
  expiry: { kind: 'months-after-earn', months: 12 },
});

const segment = (id: string, name: string, rule: unknown): [string, StoredSegment] => [id, { id, name, rule: parseSegmentRule(rule) }];

export const segments: ReadonlyMap<string, StoredSegment> = new Map([
  segment('champions', 'Champions', { field: 'rfm.segment', op: 'eq', value: 'champions' }),
  segment('at-risk-spenders', 'At-risk big spenders', {
    all: [
      { field: 'rfm.segment', op: 'in', value: ['at-risk', 'cannot-lose-them'] },
      { field: 'lifetimeSpendMinor', op: 'gte', value: 20_000 },
    ],
  }),
]);
