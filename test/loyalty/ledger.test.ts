import { describe, expect, it } from 'vitest';
import { thrownCode as codeOf } from '../errors';
import { applyExpiry, balance, expiringSoon, openLots, redeem, reverse, type LedgerEntry } from 'crmkit/loyalty';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const entry = (id: string, type: LedgerEntry['type'], points: number, at: string, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id,
  customerId: 'c-1',
  type,
  points,
  occurredAt: d(at),
  ...extra,
});

// Worked FIFO example, points expiring 12 months after they are earned:
//   e1 earn 100 on 2025-01-15, expires 2026-01-15
//   e2 earn 200 on 2025-06-01, expires 2026-06-01
//   r1 redeem 150 on 2025-09-01: oldest first, all 100 of e1 then 50 of e2 (e2 keeps 150)
//   e3 earn  80 on 2025-12-01, expires 2026-12-01
const fifo = [
  entry('e1', 'earn', 100, '2025-01-15', { expiresAt: d('2026-01-15') }),
  entry('e2', 'earn', 200, '2025-06-01', { expiresAt: d('2026-06-01') }),
  entry('r1', 'redeem', -150, '2025-09-01'),
  entry('e3', 'earn', 80, '2025-12-01', { expiresAt: d('2026-12-01') }),
];

describe('FIFO lots and expiry (hand-computed)', () => {
  it('spends the oldest lot first, so nothing lapses when e1 expires', () => {
    // 2026-03-01: e1 lapsed with 0 left; 100 + 200 - 150 + 80 = 230. (Spending newest first would
    // have left e1's 100 to lapse: 130.)
    expect(balance(fifo, { asOf: d('2026-03-01') })).toBe(230);
    expect(openLots(fifo, { asOf: d('2026-03-01') }).map((l) => [l.lotId, l.points])).toEqual([
      ['e2', 150],
      ['e3', 80],
    ]);
  });

  it('expires what is left of e2 on 2026-06-01: 230 - 150 = 80', () => {
    expect(balance(fifo, { asOf: d('2026-05-31') })).toBe(230);
    expect(balance(fifo, { asOf: d('2026-06-01') })).toBe(80);
    const expired = applyExpiry(fifo, { asOf: d('2026-07-01') });
    expect(expired).toEqual([{ id: 'expire:e2', customerId: 'c-1', type: 'expire', points: -150, occurredAt: d('2026-06-01'), lotId: 'e2' }]);
    const posted = [...fifo, ...expired];
    // posting the expiry changes no balance, and now the entries sum to it: 380 - 150 - 150 = 80
    expect(balance(posted, { asOf: d('2026-07-01') })).toBe(80);
    expect(posted.reduce((s, e) => s + e.points, 0)).toBe(80);
    // idempotent: nothing more to expire, the same key would be produced again
    expect(applyExpiry(posted, { asOf: d('2026-07-01') })).toEqual([]);
    // e3's 80 lapse on 2026-12-01
    expect(balance(posted, { asOf: d('2026-12-01') })).toBe(0);
  });

  it('reports points expiring soon: e2 150 within 30 days of 2026-05-15, e3 not yet', () => {
    expect(expiringSoon(fifo, { asOf: d('2026-05-15'), within: { days: 30 } })).toEqual({
      points: 150,
      lots: [{ lotId: 'e2', expiresAt: d('2026-06-01'), points: 150 }],
    });
    expect(expiringSoon(fifo, { asOf: d('2026-05-15'), within: { days: 300 } }).points).toBe(230);
    expect(codeOf(() => expiringSoon(fifo, { asOf: d('2026-05-15'), within: { days: -1 } }))).toBe('INVALID_ARGUMENT');
  });

  it('redeems what is available and no more (INSUFFICIENT_POINTS)', () => {
    expect(redeem(fifo, 230, { asOf: d('2026-03-01'), id: 'r2' }).points).toBe(-230);
    expect(codeOf(() => redeem(fifo, 231, { asOf: d('2026-03-01'), id: 'r2' }))).toBe('INSUFFICIENT_POINTS');
    // after e2 lapsed only 80 remain
    expect(codeOf(() => redeem(fifo, 81, { asOf: d('2026-06-02'), id: 'r2' }))).toBe('INSUFFICIENT_POINTS');
    expect(codeOf(() => redeem(fifo, 0, { asOf: d('2026-03-01'), id: 'r2' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => redeem(fifo, 1.5, { asOf: d('2026-03-01'), id: 'r2' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => redeem([], 1, { asOf: d('2026-03-01'), id: 'r2' }))).toBe('INSUFFICIENT_POINTS');
  });

  it('ignores entries after asOf and accepts any input order', () => {
    expect(balance(fifo, { asOf: d('2025-08-01') })).toBe(300);
    expect(balance([...fifo].reverse(), { asOf: d('2026-03-01') })).toBe(230);
  });

  it('rejects bad input with typed errors, never NaN', () => {
    expect(codeOf(() => balance(fifo, { asOf: new Date('nope') }))).toBe('INVALID_DATE');
    expect(codeOf(() => balance([entry('x', 'earn', 1.5, '2026-01-01')], { asOf: d('2026-03-01') }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => balance([...fifo, { ...entry('x', 'earn', 1, '2026-01-01'), customerId: 'c-2' }], { asOf: d('2026-03-01') }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => balance([{ ...entry('x', 'earn', 1, '2026-01-01'), occurredAt: new Date('nope') }], { asOf: d('2026-03-01') }))).toBe('INVALID_DATE');
  });
});

describe('reverse (hand-computed)', () => {
  // earn t-1 100, earn t-2 60, redeem 120 (all of t-1's 100, 20 of t-2's): t-2 has 40 left
  const base = [entry('earn:t-1', 'earn', 100, '2026-01-10'), entry('earn:t-2', 'earn', 60, '2026-02-10'), entry('redeem:o-1', 'redeem', -120, '2026-03-01')];

  it('takes back an earn from its own lot first, never below zero, and reports the shortfall', () => {
    const { entry: rev, shortfall } = reverse(base, 'earn:t-2', { asOf: d('2026-03-05') });
    // 40 left can be taken back; the 20 already spent are the shortfall
    expect(rev).toMatchObject({ id: 'reverse:earn:t-2', type: 'reverse', points: -40, reverses: 'earn:t-2' });
    expect(shortfall).toBe(20);
    expect(balance([...base, rev as LedgerEntry], { asOf: d('2026-03-05') })).toBe(0);
    // idempotent: reversing again returns the same entry
    expect(reverse([...base, rev as LedgerEntry], 'earn:t-2', { asOf: d('2026-03-06') }).entry).toEqual(rev);
  });

  it('takes from the refunded lot before older ones, so older points keep their place in line', () => {
    // earn a 100 (expires 2026-06-01), earn b 100 (never); reversing b takes b's own points, and a's 100 still lapse
    const ledger = [entry('a', 'earn', 100, '2026-01-01', { expiresAt: d('2026-06-01') }), entry('b', 'earn', 100, '2026-02-01')];
    const rev = reverse(ledger, 'b', { asOf: d('2026-03-01') }).entry as LedgerEntry;
    expect(rev.points).toBe(-100);
    expect(balance([...ledger, rev], { asOf: d('2026-05-01') })).toBe(100);
    expect(balance([...ledger, rev], { asOf: d('2026-06-01') })).toBe(0);
  });

  it('gives a cancelled redemption back into the lots it spent, each with its own expiry (hand-worked)', () => {
    const ledger = [
      entry('a', 'earn', 50, '2026-01-01', { expiresAt: d('2027-01-01') }),
      entry('b', 'earn', 50, '2026-02-01', { expiresAt: d('2027-02-01') }),
      entry('r', 'redeem', -70, '2026-03-01'),
    ];
    // r spent all 50 of a and 20 of b. Cancelled in full on 2026-03-02: a gets 50 back (expiring
    // 2027-01-01), b 20 (expiring 2027-02-01, with its 30 unspent)
    const rev = reverse(ledger, 'r', { asOf: d('2026-03-02') }).entry as LedgerEntry;
    expect(rev).toEqual({ id: 'reverse:r', customerId: 'c-1', type: 'reverse', points: 70, reverses: 'r', occurredAt: d('2026-03-02') });
    const full = [...ledger, rev];
    expect(balance(full, { asOf: d('2026-03-02') })).toBe(100);
    expect(openLots(full, { asOf: d('2026-03-02') }).map((l) => [l.lotId, l.points])).toEqual([['a', 50], ['b', 50]]);
    // 2027-01-01: a's 50 lapse, b's 50 remain; 2027-02-01: b's lapse too
    expect(balance(full, { asOf: d('2027-01-01') })).toBe(50);
    expect(balance(full, { asOf: d('2027-02-01') })).toBe(0);
    expect(applyExpiry(full, { asOf: d('2027-02-02') }).map((e) => [e.id, e.points, e.occurredAt])).toEqual([
      ['expire:a', -50, d('2027-01-01')],
      ['expire:b', -50, d('2027-02-01')],
    ]);
    // a partial cancellation of 30 gives back the last spent first: b's 20, then 10 of a (a 10, b 50)
    const part = [...ledger, reverse(ledger, 'r', { asOf: d('2026-03-02'), points: 30 }).entry as LedgerEntry];
    expect(openLots(part, { asOf: d('2026-03-02') }).map((l) => [l.lotId, l.points])).toEqual([['a', 10], ['b', 50]]);
    expect(balance(part, { asOf: d('2027-01-01') })).toBe(50);
  });

  it('gives back points of a lot that has expired by the cancellation already expired (hand-worked)', () => {
    const ledger = [
      entry('a', 'earn', 50, '2026-01-01', { expiresAt: d('2026-04-01') }),
      entry('b', 'earn', 50, '2026-02-01', { expiresAt: d('2027-02-01') }),
      entry('r', 'redeem', -70, '2026-03-01'),
    ];
    // cancelled on 2026-05-01, after a expired: b gets its 20 back (30 + 20 = 50 spendable); a's 50
    // come back in the reversal's own lot, which expires at once (expire:reverse:r, dated 2026-05-01)
    const full = [...ledger, reverse(ledger, 'r', { asOf: d('2026-05-01') }).entry as LedgerEntry];
    expect(balance(full, { asOf: d('2026-05-01') })).toBe(50);
    expect(applyExpiry(full, { asOf: d('2026-05-02') }).map((e) => [e.id, e.points, e.occurredAt])).toEqual([['expire:reverse:r', -50, d('2026-05-01')]]);
  });

  it("gives a cancelled redemption back with the earliest expiry of the lots it spent with expiry: 'earliest'", () => {
    const ledger = [
      entry('a', 'earn', 50, '2026-01-01', { expiresAt: d('2027-01-01') }),
      entry('b', 'earn', 50, '2026-02-01', { expiresAt: d('2027-02-01') }),
      entry('r', 'redeem', -70, '2026-03-01'),
    ];
    const rev = reverse(ledger, 'r', { asOf: d('2026-03-02'), expiry: 'earliest' }).entry as LedgerEntry;
    // r spent all of a (expires 2027-01-01) and 20 of b: the 70 come back expiring 2027-01-01
    expect(rev).toMatchObject({ points: 70, expiresAt: d('2027-01-01'), reverses: 'r' });
    expect(balance([...ledger, rev], { asOf: d('2026-03-02') })).toBe(100);
    // on 2027-01-01 the returned 70 lapse (as a's 50 would have): 30 of b remain
    expect(balance([...ledger, rev], { asOf: d('2027-01-01') })).toBe(30);
  });

  it('supports partial reversals up to the original points', () => {
    const first = reverse(base, 'earn:t-1', { asOf: d('2026-01-20'), points: 30, id: 'rev-1' }).entry as LedgerEntry;
    expect(first.points).toBe(-30);
    const ledger = [...base, first];
    expect(codeOf(() => reverse(ledger, 'earn:t-1', { asOf: d('2026-01-20'), points: 71, id: 'rev-2' }))).toBe('INVALID_ARGUMENT');
    expect(reverse(ledger, 'earn:t-1', { asOf: d('2026-01-20'), id: 'rev-2' }).entry?.points).toBe(-70);
    expect(codeOf(() => reverse(ledger, 'missing', { asOf: d('2026-01-20') }))).toBe('NOT_FOUND');
    expect(codeOf(() => reverse([...ledger, entry('x', 'expire', -1, '2026-01-21', { lotId: 'earn:t-1' })], 'x', { asOf: d('2026-01-22') }))).toBe('INVALID_ARGUMENT');
  });
});
