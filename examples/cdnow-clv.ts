/**
 * Customer lifetime value on the CDNOW sample (2,357 customers who first bought CDs at CDNOW in the
 * first quarter of 1997; Fader, Hardie & Lee 2005). Run after `npm run build`:
 *   npx tsx --tsconfig tsconfig.examples.json examples/cdnow-clv.ts
 *
 * 1. summarise the raw transactions (39-week calibration to 1997-09-30, 39-week holdout),
 * 2. fit BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma and print their parameters,
 * 3. list the top 10 customers by predicted 52-week CLV,
 * 4. compare predicted with actual holdout purchases by calibration frequency,
 * 5. rank the customers at risk of being lost.
 */
import type { Transaction } from 'crmkit/customer';
import { loadCdnow } from './data/cdnow';
import {
  churnRisk,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  fitModifiedBgNbd,
  fitParetoNbd,
  predictClv,
  predictClvValues,
  probabilityAlive,
  summarizeTransactions,
} from 'crmkit/clv';

const transactions: Transaction[] = loadCdnow();

// Daily periods, expressed in weeks (days / 7) as in the papers.
const summaries = summarizeTransactions(transactions, {
  asOf: new Date('1998-06-30T00:00:00Z'),
  calibrationEnd: new Date('1997-09-30T00:00:00Z'),
  period: 'day',
});
const n = summaries.length;
const customers = {
  frequency: Float64Array.from(summaries, (s) => s.frequency),
  recency: Float64Array.from(summaries, (s) => s.recency / 7),
  T: Float64Array.from(summaries, (s) => s.T / 7),
  monetaryValue: Float64Array.from(summaries, (s) => s.monetaryValue.toNumber()),
};
const holdoutWeeks = (summaries[0]?.holdoutDuration ?? 0) / 7;
console.log(`CDNOW sample: ${transactions.length} transactions, ${n} customers, holdout ${holdoutWeeks.toFixed(1)} weeks\n`);

const fmt = (o: object) => Object.entries(o).map(([k, v]) => `${k}=${v.toFixed(3)}`).join(' ');
const bg = fitBgNbd(customers);
const mbg = fitModifiedBgNbd(customers);
const pareto = fitParetoNbd(customers);
const gg = fitGammaGamma(customers);
console.log('Fitted models (published: BG/NBD r=0.243 α=4.414 a=0.793 b=2.426, LL −9582.4)');
for (const m of [bg, mbg, pareto, gg]) {
  console.log(`  ${m.model.padEnd(10)} ${fmt(m.params).padEnd(52)} LL ${m.fit?.logLikelihood.toFixed(2)}  (${m.fit?.iterations} iterations)`);
}

// 52 weeks ahead in 12 monthly steps of 52/12 weeks, 1% a month, revenue (margin 1).
const clvOptions = { horizon: 12, period: 52 / 12, discountRate: 0.01, currency: 'USD' } as const;
const clv = predictClv(bg, gg, customers, clvOptions);
const alive = probabilityAlive(bg, customers);
const top = [...clv.keys()].sort((a, b) => clv[b]!.compare(clv[a]!)).slice(0, 10);
console.log('\nTop 10 customers by predicted 52-week CLV (BG/NBD + Gamma-Gamma)');
console.log('  customer  x   tₓ (wk)  T (wk)  avg $   P(alive)  CLV');
for (const i of top) {
  const s = summaries[i]!;
  console.log(
    `  ${s.customerId.padStart(8)} ${String(s.frequency).padStart(3)} ${customers.recency[i]!.toFixed(1).padStart(8)} ${customers.T[i]!.toFixed(1).padStart(7)} ${s.monetaryValue.amount.padStart(7)} ${alive[i]!.toFixed(3).padStart(9)}  ${clv[i]!.toString()}`,
  );
}

// Calibration / holdout: mean purchases in the 39-week holdout, by calibration frequency.
console.log(`\nHoldout check: mean purchases in weeks 40–78 by calibration frequency`);
console.log('  x     customers  actual   BG/NBD   MBG/NBD  Pareto/NBD');
const predicted = [bg, mbg, pareto].map((m) => expectedPurchases(m, customers, holdoutWeeks));
for (let x = 0; x <= 7; x++) {
  const idx = [...Array(n).keys()].filter((i) => (x < 7 ? customers.frequency[i] === x : customers.frequency[i]! >= 7));
  const mean = (f: (i: number) => number) => idx.reduce((s, i) => s + f(i), 0) / idx.length;
  const actual = mean((i) => summaries[i]!.holdoutFrequency ?? 0);
  const cols = predicted.map((p) => mean((i) => p[i]!).toFixed(3).padStart(9));
  console.log(`  ${(x < 7 ? String(x) : '7+').padEnd(5)} ${String(idx.length).padStart(9)} ${actual.toFixed(3).padStart(7)} ${cols.join('')}`);
}

// Churn risk: value if still active = CLV / P(alive); at risk = that × (1 − P(alive)).
const clvValues = predictClvValues(bg, gg, customers, clvOptions);
const ifAlive = Float64Array.from(clvValues, (v, i) => (alive[i]! > 0 ? v / alive[i]! : 0));
const risks = churnRisk(bg, customers, { value: ifAlive, threshold: 0.3, ids: summaries.map((s) => s.customerId), limit: 5 });
console.log('\nMost valuable customers probably lost (P(alive) < 0.3)');
for (const r of risks) console.log(`  customer ${r.id!.padStart(5)}  P(alive) ${r.probabilityAlive.toFixed(3)}  value at risk $${r.valueAtRisk.toFixed(2)}`);
