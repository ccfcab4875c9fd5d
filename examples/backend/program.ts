/** The demo's loyalty programme and stored segment rules (an adopter keeps these in configuration). */
import { parseLoyaltyProgram } from 'crmkit/loyalty';
import { defineAccessPolicy } from 'crmkit/privacy';
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

const segment = (id: string, name: string, rule: unknown): StoredSegment => ({ id, name, rule: parseSegmentRule(rule) });

/** Stored at start-up when missing; PUT /segments/{id} adds more. */
export const segments: readonly StoredSegment[] = [
  segment('champions', 'Champions', { field: 'rfm.segment', op: 'eq', value: 'champions' }),
  segment('at-risk-spenders', 'At-risk big spenders', {
    all: [
      { field: 'rfm.segment', op: 'in', value: ['at-risk', 'cannot-lose-them'] },
      { field: 'lifetimeSpendMinor', op: 'gte', value: 20_000 },
    ],
  }),
];

/**
 * Who sees what (crmkit/privacy): an agent sees their own customers masked, never identity numbers
 * or money attributes; a manager sees the team's customers in full but identity numbers masked; an
 * analyst sees every customer's profile (kind, tags, stage, ...) and no personal field.
 */
export const policy = defineAccessPolicy({
  moneyAttributes: ['creditLimit'],
  roles: {
    agent: { scope: 'own', default: 'masked', fields: { residentId: 'none', money: 'none' } },
    manager: { scope: 'team', default: 'read', fields: { residentId: 'masked' } },
    analyst: { scope: 'all', default: 'none' },
  },
});
