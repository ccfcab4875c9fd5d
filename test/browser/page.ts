// The browser smoke test's page script: bundled by esbuild from the built ESM files (dist/, through
// the package exports) by scripts/browser-test.mjs and run in headless Chromium. It validates a
// customer, scores RFM and NPS and fits BG/NBD on the CDNOW summary (fetched from the test server),
// and reports the results on window.__result for the test to check.
import { Money, validateCustomer } from 'crmkit';
import { rfmScores, summarizeRfm } from 'crmkit/segmentation';
import { nps } from 'crmkit/satisfaction';
import { fitBgNbd } from 'crmkit/clv';

// The page's globals the test reads (typed without the DOM lib, which this repo does not load).
const page = globalThis as unknown as { __result?: unknown; __error?: string };

async function main(): Promise<unknown> {
  const invalid = validateCustomer({ kind: 'person', displayName: '张三', contactPoints: [{ type: 'phone', value: '12345678901' }] }, { locale: 'zh-CN' });
  const valid = validateCustomer({ kind: 'person', displayName: '李雷', contactPoints: [{ type: 'phone', value: '138 1234 5678' }] });
  const asOf = new Date('2026-03-01T00:00:00Z');
  const order = (id: string, customerId: string, day: string, amount: string) =>
    ({ id, customerId, type: 'purchase' as const, amount: Money.of(amount, 'CNY'), occurredAt: new Date(`${day}T00:00:00Z`) });
  const summaries = summarizeRfm(
    [order('t1', 'a', '2026-02-27', '800.00'), order('t2', 'a', '2026-02-01', '400.00'), order('t3', 'b', '2025-06-01', '50.00')],
    { asOf, currency: 'CNY' },
  );
  const scores = rfmScores(summaries, { bins: 2 });
  const csv = await (await fetch('/cdnow.csv')).text();
  const rows = csv.trim().split('\n').slice(1).map((line) => line.split(',').map(Number)).map(([, frequency, recency, T]) => ({ frequency: frequency!, recency: recency!, T: T! }));
  const bg = fitBgNbd(rows);
  return {
    invalidMessage: invalid.issues[0]?.message,
    validPhone: valid.ok ? (valid.value.contactPoints[0] as { value?: string } | undefined)?.value : null,
    rfm: scores.map((s) => [s.customerId, s.r, s.f, s.m]),
    nps: nps([10, 9, 9, 8, 7, 10, 6, 9, 3, 10]).score,
    bgnbd: { n: rows.length, r: bg.params.r, alpha: bg.params.alpha, a: bg.params.a, b: bg.params.b },
  };
}

main().then(
  (r) => (page.__result = r),
  (e: unknown) => (page.__error = String((e as Error)?.stack ?? e)),
);
