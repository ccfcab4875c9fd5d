// Points ledger: balance plus expiry over 1,000,000 entries (issue 7 target: under 1 s).
// A realistic mix for one long-lived ledger: earns expiring 12 months later, redemptions, a few
// reversals, and posted expire entries; in time order (as a repository returns them) and shuffled.
import { applyExpiry, balance, expiringSoon, ledgerStatus, type LedgerEntry } from '../src/loyalty/index';
import { measure, memoryMiB, report, seededRandom } from './harness';

const N = 1_000_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2000, 0, 1);
const random = seededRandom(7);

function ledger(n: number): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  let t = T0;
  let available = 0;
  for (let i = 0; out.length < n; i++) {
    t += Math.floor(random() * 600_000);
    const r = random();
    if (r < 0.6 || available < 500) {
      const points = 1 + Math.floor(random() * 300);
      out.push({ id: `earn:${i}`, customerId: 'c-1', type: 'earn', points, occurredAt: new Date(t), expiresAt: new Date(t + 365 * DAY) });
      available += points;
    } else if (r < 0.95) {
      const points = 1 + Math.floor(random() * Math.min(400, available / 4));
      out.push({ id: `redeem:${i}`, customerId: 'c-1', type: 'redeem', points: -points, occurredAt: new Date(t) });
      available -= points;
    } else {
      out.push({ id: `adjust:${i}`, customerId: 'c-1', type: 'adjust', points: 25, occurredAt: new Date(t) });
      available += 25;
    }
  }
  return out;
}

const entries = ledger(N);
const end = entries[entries.length - 1]!.occurredAt;
const asOf = new Date(end.getTime() + DAY);
const expiries = applyExpiry(entries, { asOf });
const withExpiry = [...entries, ...expiries].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1));
const shuffled = [...withExpiry];
for (let i = shuffled.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
}
report({ bench: 'loyalty', setup: 'ledger', entries: N, expireEntriesPosted: expiries.length, spanDays: Math.round((end.getTime() - T0) / DAY), ...memoryMiB() });

let b = 0;
await measure('loyalty', 'ledgerStatus (balance + expiry entries, one pass), 1,000,000 entries in time order', () => {
  b = ledgerStatus(entries, { asOf }).balance;
}, { items: N, runs: 5, extra: { target: '< 1000 ms' } });
report({ bench: 'loyalty', check: 'balance', balance: b, sameAsBalance: b === balance(entries, { asOf }) });
await measure('loyalty', 'balance then applyExpiry (two passes), 1,000,000 entries in time order', () => {
  balance(entries, { asOf });
  applyExpiry(entries, { asOf });
}, { items: N, runs: 3 });
await measure('loyalty', 'balance, 1,000,000 entries in time order', () => balance(entries, { asOf }), { items: N, runs: 5 });
await measure('loyalty', 'balance, entries + posted expire entries, time order', () => balance(withExpiry, { asOf }), { items: withExpiry.length, runs: 5 });
await measure('loyalty', 'balance, same entries shuffled (sort needed)', () => balance(shuffled, { asOf }), { items: shuffled.length, runs: 3 });
await measure('loyalty', 'expiringSoon (30 days), time order', () => expiringSoon(withExpiry, { asOf, within: { days: 30 } }), { items: withExpiry.length, runs: 5 });
// baseline in the same run: a bare loop summing the points (the least any balance must do)
await measure('loyalty', 'baseline: plain sum of points', () => {
  let s = 0;
  for (const e of withExpiry) s += e.points;
  return s;
}, { items: withExpiry.length, runs: 5 });
