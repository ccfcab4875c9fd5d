import type { z } from 'zod';
import { InteractionSchema, TransactionSchema, type Interaction, type Transaction } from 'crmkit/customer';
import type { CustomerRecord } from 'crmkit/repository';

/** A typed column of a record table beyond `id`, `customer_id`, `occurred_at` and `details`. */
export interface RecordColumn {
  readonly name: string;
  /** Its SQL type, used to cast the bound array on insert (`numeric`). */
  readonly type: string;
  /** How it is read back (`amount::text AS amount`: exact decimals as text, never a float). */
  readonly select: string;
}

/**
 * How one kind of customer record maps to its table: the typed columns, which record fields go
 * into them, and the rest kept as jsonb in `details`. Adding a record type is one more of these.
 *
 * @typeParam T - the record type
 */
export interface RecordTable<T extends CustomerRecord> {
  /** The table (`transactions`). */
  readonly table: string;
  /** The record's name in error messages (`transaction`). */
  readonly entity: string;
  /** The zod schema every appended record must pass and every row read back is parsed with. */
  readonly schema: z.ZodType<T, unknown>;
  readonly columns: readonly RecordColumn[];
  /** The values of `columns` (in order) and the remaining fields for `details`. */
  toRow(record: T): { readonly values: readonly unknown[]; readonly details: Record<string, unknown> };
  /** The record's typed fields from a row read with the columns' `select` expressions. */
  fromRow(row: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Transactions: `type`, `amount` (exact NUMERIC) and `currency` as columns, so SQL can aggregate
 * spend; channel, order and refund references, quantity and attributes in `details`.
 *
 * @example
 * ```ts
 * TRANSACTIONS.columns.map((c) => c.name);
 * //=> ['type', 'amount', 'currency']
 * ```
 */
export const TRANSACTIONS: RecordTable<Transaction> = {
  table: 'transactions',
  entity: 'transaction',
  schema: TransactionSchema,
  columns: [
    { name: 'type', type: 'text', select: 'type' },
    { name: 'amount', type: 'numeric', select: 'amount::text AS amount' },
    { name: 'currency', type: 'text', select: 'currency' },
  ],
  toRow: ({ id: _id, customerId: _c, occurredAt: _t, type, amount, ...details }) => ({ values: [type, amount.amount, amount.currency], details }),
  fromRow: (row) => ({ type: row.type, amount: { amount: row.amount, currency: row.currency } }),
};

/**
 * Interactions: `channel`, `type` and `direction` as columns; contact, owner, summary and
 * attributes in `details`.
 *
 * @example
 * ```ts
 * INTERACTIONS.table;
 * //=> 'interactions'
 * ```
 */
export const INTERACTIONS: RecordTable<Interaction> = {
  table: 'interactions',
  entity: 'interaction',
  schema: InteractionSchema,
  columns: [
    { name: 'channel', type: 'text', select: 'channel' },
    { name: 'type', type: 'text', select: 'type' },
    { name: 'direction', type: 'text', select: 'direction' },
  ],
  toRow: ({ id: _id, customerId: _c, occurredAt: _t, channel, type, direction, ...details }) => ({ values: [channel, type, direction], details }),
  fromRow: (row) => ({ channel: row.channel, type: row.type, direction: row.direction }),
};
