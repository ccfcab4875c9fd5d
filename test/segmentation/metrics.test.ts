import { describe, expect, it } from 'vitest';
import { Money } from 'crmkit';
import { evaluateSegment, rfmMetrics, summarizeRfm } from 'crmkit/segmentation';

const asOf = new Date('2026-03-01T00:00:00Z');
const buy = (customerId: string, amount: string, day: string) => ({ customerId, type: 'purchase' as const, amount: Money.of(amount, 'CNY'), occurredAt: new Date(`${day}T00:00:00Z`) });

describe('rfmMetrics', () => {
  it('feeds rule evaluation end to end (hand calculation)', () => {
    // Five customers, one purchase each except e (three). Distinct recencies 1, 10, 100, 200, 300 days;
    // with n = 5 and 5 bins every distinct value gets its own score.
    const tx = [
      buy('a', '500', '2026-02-28'), // r 1 day -> R5; M 500 -> M5
      buy('b', '400', '2026-02-19'), // 10 days -> R4; M4
      buy('c', '300', '2025-11-21'), // 100 days -> R3; M3
      buy('d', '200', '2025-08-13'), // 200 days -> R2; M2
      buy('e', '10', '2025-05-05'), buy('e', '10', '2025-05-05'), buy('e', '10', '2025-05-05'), // 300 days, F 3, M 30
    ];
    const metrics = rfmMetrics(summarizeRfm(tx, { asOf }));
    // F: a..d have 1 purchase (rank 0 -> F1), e has 3 (rank 4 -> F5). M: e = 30 is the smallest -> M1.
    expect([...metrics].map(([id, m]) => [id, m.rfm?.r, m.rfm?.f, m.rfm?.m, m.rfmSegment])).toEqual([
      ['a', 5, 1, 5, 'others'], // 5-1-5: no segment covers F1 with M5
      ['b', 4, 1, 4, 'others'],
      ['c', 3, 1, 3, 'potential-loyalists'],
      ['d', 2, 1, 2, 'about-to-sleep'],
      ['e', 1, 5, 1, 'others'],
    ]);
    const recentBigSpenders = evaluateSegment(
      { all: [{ field: 'recencyDays', op: 'lte', value: 100 }, { field: 'lifetimeSpendMinor', op: 'gte', value: 30_000 }] },
      ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
      { metrics },
    );
    expect(recentBigSpenders.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('rfmMetrics for customers who never bought', () => {
  it('scores them lowest on recency but names them no-purchase, not a dormant segment', () => {
    const metrics = rfmMetrics(summarizeRfm([buy('a', '10', '2026-02-01')], { asOf, customerIds: ['z'], currency: 'CNY' }));
    expect(metrics.get('z')).toMatchObject({ rfm: { r: 1 }, rfmSegment: 'no-purchase', purchaseCount: 0, recencyDays: null, lastPurchaseAt: null });
  });
});
