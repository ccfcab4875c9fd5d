/**
 * Seeded synthetic transactions for the pushdown benchmark: `n` rows over `customers` distinct
 * customers. Each customer has a first purchase (uniform over the two years before AS_OF) and an
 * exponential lifetime (mean one year) in which the rest of their purchases fall, so recency and T
 * differ as in real data and BG/NBD sees dropout; the extra rows go to customers with a skew
 * towards low ids (a few heavy buyers), about 5% are refunds, amounts are in fen, instants whole
 * seconds (a few after AS_OF). Rows are shuffled, as transactions arrive in time, not by customer.
 * Kept as columns, so 10 million rows cost ~200 MB, and turned into `Transaction` objects or
 * `TransactionColumns` only for the in-process paths. The files (a DuckDB database, the CSV pandas
 * reads) are written once per size into .bench-out/ (gitignored) and reused.
 */
import { existsSync, mkdirSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, timestampTZValue } from '@duckdb/node-api';
import { Money } from '../src/core/money/Money';
import type { Transaction, TransactionColumns } from '../src/customer/index';
import { seededRandom } from './harness';

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

export function generate(n: number, customers: number, seed = 15): TxColumns {
  const rnd = seededRandom(seed);
  const customer = new Int32Array(n);
  const refund = new Uint8Array(n);
  const minor = new Float64Array(n);
  const ms = new Float64Array(n);
  const start = AS_OF.getTime() - SPAN_MS;
  const end = AS_OF.getTime() + DAY_MS;
  const birth = new Float64Array(customers);
  const life = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    birth[c] = start + Math.floor(rnd() * (SPAN_MS / 1000)) * 1000;
    life[c] = -Math.log(1 - rnd()) * 365 * DAY_MS;
  }
  for (let i = 0; i < n; i++) {
    const first = i < customers;
    const c = first ? i : Math.floor(customers * rnd() ** 2);
    const b = birth[c] as number;
    customer[i] = c;
    refund[i] = !first && rnd() < 0.05 ? 1 : 0;
    minor[i] = 100 + Math.floor(rnd() * 50_000);
    ms[i] = first ? b : b + Math.floor((rnd() * Math.min(life[c] as number, end - b)) / 1000) * 1000;
  }
  for (let i = n - 1; i > 0; i--) {
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

/** The same rows as TransactionColumns: ids dictionary-encoded (the customer table's order) or as plain strings. */
export function toColumns(d: TxColumns, ids: 'dictionary' | 'strings'): TransactionColumns {
  const dictionary = Array.from({ length: d.customers }, (_, i) => customerId(i));
  return {
    currency: 'CNY',
    customerId: ids === 'dictionary' ? { dictionary, indices: d.customer } : Array.from(d.customer, (c) => dictionary[c] as string),
    type: Array.from(d.refund, (r) => (r ? 'refund' : 'purchase')),
    amountMinor: d.minor,
    occurredAtMs: d.ms,
  };
}

export const DATA_DIR = join(import.meta.dirname, '..', '.bench-out');

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
