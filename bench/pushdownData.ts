/**
 * Seeded synthetic transactions for the pushdown benchmark: `n` rows over `customers` distinct
 * customers, BG/NBD-shaped (see generate), about 5% of the repeat rows refunds, amounts in fen,
 * instants whole seconds (a few after AS_OF). Rows are shuffled, as transactions arrive in time,
 * not by customer.
 * Kept as columns, so 10 million rows cost ~200 MB, and turned into `Transaction` objects or
 * `TransactionColumns` only for the in-process paths. The files (a DuckDB database, the CSV pandas
 * reads) are written once per size into .bench-out/ (gitignored) and reused.
 */
import { existsSync, mkdirSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, timestampTZValue } from '@duckdb/node-api';
import { Money } from '../src/core/money/Money';
import type { Transaction, TransactionColumns } from '../src/customer/index';
import { gammaSampler } from './clvContinuousData';
import { DATA_DIR, seededRandom } from './harness';

export const AS_OF = new Date('2026-03-01T00:00:00Z');
const DAY_MS = 86_400_000;
const SPAN_MS = 730 * DAY_MS;

export interface TxColumns {
  readonly n: number;
  readonly customers: number;
  readonly customer: Int32Array;
  readonly refund: Uint8Array;
  readonly minor: Float64Array;
  readonly ms: Float64Array;
}

export const customerId = (i: number): string => `c${String(i).padStart(8, '0')}`;

/**
 * BG/NBD-shaped purchase histories (Fader, Hardie & Lee 2005): per customer a purchase rate
 * λ ~ Gamma(r = 2, rate 20 days) and a dropout probability p ~ Beta(2, 20) after each purchase,
 * from a first purchase uniform over the two years before AS_OF to a day after it. The repeat
 * purchases are then thinned uniformly to exactly `n - customers` (keeping every first purchase),
 * so the row count is exact and the fits converge as on real data.
 */
export function generate(n: number, customers: number, seed = 15): TxColumns {
  if (n < customers) throw new Error('need at least one transaction per customer');
  const rnd = seededRandom(seed);
  const gamma = gammaSampler(rnd);
  const start = AS_OF.getTime() - SPAN_MS;
  const end = AS_OF.getTime() + DAY_MS;
  for (let scale = 1; ; scale *= 1.5) {
    // repeat purchases of every customer, as (customer, instant) pairs
    let cap = Math.max(1024, 2 * (n - customers));
    let repCustomer = new Int32Array(cap);
    let repMs = new Float64Array(cap);
    let reps = 0;
    const birth = new Float64Array(customers);
    for (let c = 0; c < customers; c++) {
      const b = start + Math.floor(rnd() * (SPAN_MS / 1000)) * 1000;
      birth[c] = b;
      const rate = (scale * gamma(2)) / (20 * DAY_MS);
      const x = gamma(2);
      const p = x / (x + gamma(20));
      let t = b;
      for (let k = 0; k < 5000 && rnd() >= p; k++) {
        t += -Math.log(1 - rnd()) / rate;
        if (t > end) break;
        if (reps === cap) {
          cap *= 2;
          const c2 = new Int32Array(cap);
          c2.set(repCustomer);
          repCustomer = c2;
          const m2 = new Float64Array(cap);
          m2.set(repMs);
          repMs = m2;
        }
        repCustomer[reps] = c;
        repMs[reps] = Math.floor(t / 1000) * 1000;
        reps++;
      }
    }
    const want = n - customers;
    if (reps < want) continue;
    // partial Fisher-Yates: the first `want` repeat purchases of a random permutation
    for (let i = 0; i < want; i++) {
      const j = i + Math.floor(rnd() * (reps - i));
      const c = repCustomer[i] as number;
      repCustomer[i] = repCustomer[j] as number;
      repCustomer[j] = c;
      const m = repMs[i] as number;
      repMs[i] = repMs[j] as number;
      repMs[j] = m;
    }
    const customer = new Int32Array(n);
    const refund = new Uint8Array(n);
    const minor = new Float64Array(n);
    const ms = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const first = i < customers;
      customer[i] = first ? i : (repCustomer[i - customers] as number);
      ms[i] = first ? (birth[i] as number) : (repMs[i - customers] as number);
      refund[i] = !first && rnd() < 0.05 ? 1 : 0;
      minor[i] = 100 + Math.floor(rnd() * 50_000);
    }
    shuffle(rnd, customer, refund, minor, ms);
    return { n, customers, customer, refund, minor, ms };
  }
}

/** Shuffles the rows (all columns alike), as transactions arrive in time, not by customer. */
function shuffle(rnd: () => number, customer: Int32Array, refund: Uint8Array, minor: Float64Array, ms: Float64Array): void {
  for (let i = customer.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const swap = <T extends Int32Array | Uint8Array | Float64Array>(a: T) => {
      const t = a[i] as number;
      a[i] = a[j] as number;
      a[j] = t;
    };
    swap(customer);
    swap(refund);
    swap(minor);
    swap(ms);
  }
}

/**
 * The rows as `Transaction` objects. Each row gets its own id string, as a database driver or
 * `JSON.parse` hands them out (one string shared by a customer's rows would let the engine reuse
 * its cached hash, which real input does not offer; pandas' string ids are per row too).
 */
export function toTransactions(d: TxColumns): Transaction[] {
  const out = new Array<Transaction>(d.n);
  for (let i = 0; i < d.n; i++) {
    out[i] = {
      id: `t${i}`,
      customerId: customerId(d.customer[i] as number),
      type: d.refund[i] ? 'refund' : 'purchase',
      amount: Money.ofMinor(d.minor[i] as number, 'CNY'),
      occurredAt: new Date(d.ms[i] as number),
    };
  }
  return out;
}

/**
 * The same rows as TransactionColumns: ids dictionary-encoded (the customer table's order) or as
 * plain strings (one per row, as {@link toTransactions}).
 */
export function toColumns(d: TxColumns, ids: 'dictionary' | 'strings'): TransactionColumns {
  const dictionary = Array.from({ length: d.customers }, (_, i) => customerId(i));
  return {
    currency: 'CNY',
    customerId: ids === 'dictionary' ? { dictionary, indices: d.customer } : Array.from(d.customer, (c) => customerId(c)),
    type: Array.from(d.refund, (r) => (r ? 'refund' : 'purchase')),
    amountMinor: d.minor,
    occurredAtMs: d.ms,
  };
}


/**
 * Writes the rows once per size: a DuckDB database (table tx: customer_id, type, amount_minor,
 * occurred_at, the adopter's shape) and the CSV pandas reads (customer code, refund flag, minor, ms).
 */
export async function dataFiles(d: TxColumns): Promise<{ duckdb: string; csv: string }> {
  mkdirSync(DATA_DIR, { recursive: true });
  const base = join(DATA_DIR, `pushdown-${d.n}-${d.customers}`);
  const files = { duckdb: `${base}.duckdb`, csv: `${base}.csv` };
  if (existsSync(files.duckdb) && existsSync(files.csv)) return files;
  for (const f of [files.duckdb, `${files.duckdb}.wal`]) if (existsSync(f)) unlinkSync(f);
  const instance = await DuckDBInstance.create(files.duckdb);
  const conn = await instance.connect();
  await conn.run('CREATE TABLE tx (customer_id VARCHAR, type VARCHAR, amount_minor BIGINT, occurred_at TIMESTAMPTZ)');
  const appender = await conn.createAppender('tx');
  for (let i = 0; i < d.n; i++) {
    appender.appendVarchar(customerId(d.customer[i] as number));
    appender.appendVarchar(d.refund[i] ? 'refund' : 'purchase');
    appender.appendBigInt(BigInt(d.minor[i] as number));
    appender.appendTimestampTZ(timestampTZValue(BigInt(d.ms[i] as number) * 1000n));
    appender.endRow();
  }
  appender.closeSync();
  const tmp = `${files.csv}.tmp`;
  await conn.run(
    `COPY (SELECT CAST(substr(customer_id, 2) AS INTEGER) AS customer, CAST(type = 'refund' AS INTEGER) AS type, amount_minor AS minor, epoch_ms(occurred_at) AS ms FROM tx) TO '${tmp}' (HEADER, DELIMITER ',')`,
  );
  renameSync(tmp, files.csv);
  conn.closeSync();
  instance.closeSync();
  return files;
}
