/**
 * Long operations off the event loop: fit BG/NBD on CDNOW in a worker thread while the main thread
 * keeps serving (here: a timer that must keep ticking). See docs/guides/long-operations.md.
 *   npx tsx --tsconfig tsconfig.examples.json examples/long-operations.ts
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { Money } from 'crmkit';
import type { Transaction } from 'crmkit/customer';
import { summarizeTransactions, type BgNbdModel } from 'crmkit/clv';

const transactions: Transaction[] = readFileSync(new URL('./data/CDNOW_sample.txt', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line, i) => {
    const [id, , date, , dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
    const day = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))));
    return { id: `t${i}`, customerId: id, type: 'purchase' as const, amount: Money.of(dollars, 'USD'), occurredAt: day };
  });
// Days, then weeks as days / 7 (the paper's continuous time); 39-week calibration to 1997-09-30.
const summary = summarizeTransactions(transactions, { asOf: new Date('1997-09-30T00:00:00Z'), period: 'day' })
  .map((s) => ({ frequency: s.frequency, recency: s.recency / 7, T: s.T / 7 }));

/** Runs the fit in a worker; resolves with the model, rejects with the worker's error. */
function fitInWorker(rows: readonly { frequency: number; recency: number; T: number }[], signal: AbortSignal): Promise<BgNbdModel> {
  const worker = new Worker(new URL('./workers/fit-bgnbd.mjs', import.meta.url));
  return new Promise<BgNbdModel>((resolve, reject) => {
    // Cancelling terminates the thread: the CPU is freed at once, whatever the fit is doing.
    const abort = () => void worker.terminate().then(() => reject(new Error('aborted')));
    signal.addEventListener('abort', abort, { once: true });
    worker.once('message', (m: { ok: boolean; model?: BgNbdModel; error?: { code?: string; message: string } }) => {
      signal.removeEventListener('abort', abort);
      void worker.terminate();
      if (m.ok) resolve(m.model as BgNbdModel);
      else reject(Object.assign(new Error(m.error?.message), { code: m.error?.code }));
    });
    worker.once('error', reject);
    worker.postMessage(rows);
  });
}

let ticks = 0;
const timer = setInterval(() => ticks++, 5); // stands in for the requests a server keeps answering
const t0 = performance.now();
const model = await fitInWorker(summary, new AbortController().signal);
clearInterval(timer);
const ms = performance.now() - t0;
const { r, alpha, a, b } = model.params;
console.log(`BG/NBD on ${summary.length} CDNOW customers, fitted in a worker in ${ms.toFixed(0)} ms`);
console.log(`  r ${r.toFixed(3)}, alpha ${alpha.toFixed(3)}, a ${a.toFixed(3)}, b ${b.toFixed(3)} (paper: 0.243, 4.414, 0.793, 2.426)`);
console.log(`  the main thread's 5 ms timer ticked ${ticks} times meanwhile: the event loop stayed free`);
if (ticks === 0) throw new Error('the event loop was blocked');
