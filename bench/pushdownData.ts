/**
 * Seeded synthetic transactions for the pushdown benchmark: `n` rows over `customers` customers
 * (every customer at least one purchase), purchases and ~5% refunds, amounts in fen, instants at
 * whole seconds over two years before AS_OF (a few after it). Kept as columns, so 10 million rows
 * cost ~200 MB, and turned into `Transaction` objects only for the in-process path.
 */
import { Money } from '../src/core/money/Money';
import type { Transaction } from '../src/customer/transaction';
import { seededRandom } from './harness';

export const AS_OF = new Date('2026-03-01T00:00:00Z');
const SPAN_MS = 730 * 86_400_000;

export interface TxColumns {
  readonly n: number;
  readonly customers: number;
  readonly customer: Int32Array;
  readonly refund: Uint8Array;
  readonly minor: Float64Array;
  readonly ms: Float64Array;
}

export const customerId = (i: number): string => `c${String(i).padStart(8, '0')}`;

export function generate(n: number, customers: number, seed = 15): TxColumns {
  const rnd = seededRandom(seed);
  const customer = new Int32Array(n);
  const refund = new Uint8Array(n);
  const minor = new Float64Array(n);
  const ms = new Float64Array(n);
  const start = AS_OF.getTime() - SPAN_MS;
  for (let i = 0; i < n; i++) {
    // the first `customers` rows give every customer a purchase; the rest skew towards low ids
    const c = i < customers ? i : Math.floor(customers * rnd() ** 2);
    customer[i] = c;
    refund[i] = i >= customers && rnd() < 0.05 ? 1 : 0;
    minor[i] = 100 + Math.floor(rnd() * 50_000);
    ms[i] = start + Math.floor(rnd() * (SPAN_MS / 1000 + 86_400)) * 1000;
  }
  return { n, customers, customer, refund, minor, ms };
}

export function toTransactions(d: TxColumns): Transaction[] {
  const out = new Array<Transaction>(d.n);
  const ids = Array.from({ length: d.customers }, (_, i) => customerId(i));
  for (let i = 0; i < d.n; i++) {
    out[i] = {
      id: `t${i}`,
      customerId: ids[d.customer[i] as number] as string,
      type: d.refund[i] ? 'refund' : 'purchase',
      amount: Money.ofMinor(d.minor[i] as number, 'CNY'),
      occurredAt: new Date(d.ms[i] as number),
    };
  }
  return out;
}
