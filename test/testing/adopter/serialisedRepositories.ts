// An adopter-style implementation of the customer and transaction repositories, written apart from
// crmkit/memory the way an adopter would on a key-value store: rows kept as JSON text, separate index
// tables for tags, owners, external ids and per-customer records, offsets never used for cursors.
// It exists to be mutated: scripts/mutate-contracts.mjs plants one realistic bug at a time and checks
// that the contract suites notice. The `// M:` comments name the lines the mutants change.
import { CrmError, Money } from 'crmkit/core';
import { CustomerSchema, TransactionSchema, type Customer, type Transaction } from 'crmkit/customer';
import type { CustomerRepository, ListOptions, Page, RecordListOptions, RecordStreamOptions, SaveOptions, StreamOptions, TransactionRepository } from 'crmkit/repository';

const cursorOf = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
function keyOf(cursor: string | undefined): unknown[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const k = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (Array.isArray(k)) return k;
  } catch {
    // typed error below
  }
  throw new CrmError('INVALID_ARGUMENT', { params: { field: 'cursor', rule: 'unknown cursor' } });
}
function limitOf(limit: number | undefined): number {
  const n = limit ?? 100;
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'limit', rule: 'must be 1 to 1000' } });
  return n;
}
const invalid = (entity: string, issues: { path: PropertyKey[]; code: string; message: string }[]) =>
  new CrmError('VALIDATION_FAILED', { params: { entity }, details: { issues: issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) } });
const add = (index: Map<string, Set<string>>, key: string, id: string) => {
  let set = index.get(key);
  if (set === undefined) index.set(key, (set = new Set()));
  set.add(id);
};
const remove = (index: Map<string, Set<string>>, key: string, id: string) => index.get(key)?.delete(id);
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function reviveCustomer(text: string): Customer {
  const raw = JSON.parse(text) as Record<string, unknown>;
  return CustomerSchema.parse(raw);
}

export class SerialisedCustomerRepository implements CustomerRepository {
  readonly #rows = new Map<string, string>();
  readonly #tags = new Map<string, Set<string>>();
  readonly #owners = new Map<string, Set<string>>();
  readonly #external = new Map<string, string>();

  async get(id: string): Promise<Customer | undefined> {
    const text = this.#rows.get(id); // M:get-case
    return text === undefined ? undefined : reviveCustomer(text);
  }

  async getMany(ids: readonly string[]): Promise<Customer[]> {
    const out: Customer[] = [];
    for (const id of ids) {
      const c = await this.get(id);
      if (c) out.push(c);
    }
    return out;
  }

  async save(customer: Customer, options: SaveOptions = {}): Promise<Customer> {
    const parsed = CustomerSchema.safeParse(customer);
    if (!parsed.success) throw invalid('customer', parsed.error.issues);
    const expected = options.expectedVersion ?? customer.version - 1; // M:default-version
    await tick(); // the round trip to the store: concurrent callers interleave here
    const currentText = this.#rows.get(customer.id); // read and write below without awaiting: a conditional UPDATE
    const current = currentText === undefined ? undefined : reviveCustomer(currentText);
    if (expected === 0) {
      if (current !== undefined) throw new CrmError('DUPLICATE_ID', { params: { entity: 'customer', id: customer.id } });
    } else {
      if (current === undefined) throw new CrmError('NOT_FOUND', { params: { entity: 'customer', id: customer.id } });
      if (current.version !== expected) throw new CrmError('CONCURRENCY_CONFLICT', { params: { entity: 'customer', id: customer.id, expected, actual: current.version } }); // M:cas
    }
    const stored: Customer = { ...parsed.data, version: expected + 1 };
    if (current !== undefined) this.#unindex(current); // M:stale-index
    this.#rows.set(stored.id, JSON.stringify(stored));
    this.#index(stored);
    return reviveCustomer(JSON.stringify(stored));
  }

  async delete(id: string, options: SaveOptions = {}): Promise<void> {
    const text = this.#rows.get(id);
    if (text === undefined) throw new CrmError('NOT_FOUND', { params: { entity: 'customer', id } });
    const current = reviveCustomer(text);
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
      throw new CrmError('CONCURRENCY_CONFLICT', { params: { entity: 'customer', id, expected: options.expectedVersion, actual: current.version } });
    }
    this.#rows.delete(id);
    this.#unindex(current); // M:delete-index
  }

  #index(c: Customer): void {
    for (const t of c.tags) add(this.#tags, t, c.id);
    if (c.ownerId !== undefined) add(this.#owners, c.ownerId, c.id);
    for (const [system, value] of Object.entries(c.externalIds)) this.#external.set(`${system}\u0000${value}`, c.id); // M:external-system
  }

  #unindex(c: Customer): void {
    for (const t of c.tags) remove(this.#tags, t, c.id);
    if (c.ownerId !== undefined) remove(this.#owners, c.ownerId, c.id);
    for (const [system, value] of Object.entries(c.externalIds)) this.#external.delete(`${system}\u0000${value}`);
  }

  #page(ids: Iterable<string>, options: ListOptions): Page<Customer> {
    const limit = limitOf(options.limit);
    const after = keyOf(options.cursor)?.[0] as string | undefined;
    const sorted = [...ids].sort();
    const start = after === undefined ? 0 : sorted.findIndex((id) => id > after); // M:cursor-offset
    const slice = start < 0 ? [] : sorted.slice(start, start + limit + 1);
    const items = slice.slice(0, limit).map((id) => reviveCustomer(this.#rows.get(id) as string));
    const last = items[items.length - 1];
    return slice.length > limit && last !== undefined ? { items, nextCursor: cursorOf([last.id]) } : { items };
  }

  async list(options: ListOptions = {}): Promise<Page<Customer>> {
    return this.#page(this.#rows.keys(), options);
  }

  async *stream(options: StreamOptions = {}): AsyncIterable<Customer> {
    let cursor: string | undefined;
    do {
      const page = await this.list({ limit: Math.min(1000, options.batchSize ?? 500), ...(cursor !== undefined && { cursor }) });
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }

  async findByTag(tag: string, options: ListOptions = {}): Promise<Page<Customer>> {
    return this.#page(this.#tags.get(tag.trim().toLowerCase()) ?? [], options);
  }

  async findByOwner(ownerId: string, options: ListOptions = {}): Promise<Page<Customer>> {
    return this.#page(this.#owners.get(ownerId) ?? [], options);
  }

  async findByExternalId(system: string, externalId: string): Promise<Customer | undefined> {
    const id = this.#external.get(`${system}\u0000${externalId}`); // M:external-lookup
    return id === undefined ? undefined : this.get(id);
  }

  async count(): Promise<number> {
    return this.#rows.size;
  }
}

interface TxRow {
  readonly text: string;
  readonly at: number;
  customerId: string;
}

function reviveTransaction(row: TxRow): Transaction {
  const raw = JSON.parse(row.text) as Record<string, unknown>;
  const amount = raw.amount as { amount: string; currency: string };
  return TransactionSchema.parse({ ...raw, customerId: row.customerId, amount: Money.of(amount.amount, amount.currency) }); // M:money-unit
}

export class SerialisedTransactionRepository implements TransactionRepository {
  readonly #rows = new Map<string, TxRow>();
  readonly #byCustomer = new Map<string, Set<string>>();

  async append(records: Transaction | readonly Transaction[]): Promise<void> {
    const batch = Array.isArray(records) ? (records as readonly Transaction[]) : [records as Transaction];
    const ids = new Set<string>();
    for (const r of batch) {
      const parsed = TransactionSchema.safeParse(r);
      if (!parsed.success) throw invalid('transaction', parsed.error.issues);
      if (ids.has(r.id) || this.#rows.has(r.id)) throw new CrmError('DUPLICATE_ID', { params: { entity: 'transaction', id: r.id } }); // M:duplicate-check
      ids.add(r.id);
    }
    await tick();
    for (const r of batch) if (this.#rows.has(r.id)) throw new CrmError('DUPLICATE_ID', { params: { entity: 'transaction', id: r.id } }); // M:concurrent-duplicate
    for (const r of batch) {
      this.#rows.set(r.id, { text: JSON.stringify(r), at: r.occurredAt.getTime(), customerId: r.customerId });
      add(this.#byCustomer, r.customerId, r.id);
    }
  }

  async get(id: string): Promise<Transaction | undefined> {
    const row = this.#rows.get(id);
    return row === undefined ? undefined : reviveTransaction(row);
  }

  #ordered(ids: Iterable<string>, from: number, to: number): { id: string; row: TxRow }[] {
    const out: { id: string; row: TxRow }[] = [];
    for (const id of ids) {
      const row = this.#rows.get(id) as TxRow;
      if (row.at >= from && row.at < to) out.push({ id, row }); // M:stream-to
    }
    return out.sort((a, b) => a.row.at - b.row.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // M:tie-order
  }

  #page(list: { id: string; row: TxRow }[], options: { limit?: number; cursor?: string }): Page<Transaction> {
    const limit = limitOf(options.limit);
    const key = keyOf(options.cursor) as [number, string] | undefined;
    const start = key === undefined ? 0 : list.findIndex((x) => x.row.at > key[0] || (x.row.at === key[0] && x.id > key[1])); // M:cursor-ties
    const slice = start < 0 ? [] : list.slice(start, start + limit + 1);
    const items = slice.slice(0, limit);
    const last = items[items.length - 1];
    const page = items.map((x) => reviveTransaction(x.row));
    return slice.length > limit && last !== undefined ? { items: page, nextCursor: cursorOf([last.row.at, last.id]) } : { items: page };
  }

  async listByCustomer(customerId: string, options: RecordListOptions = {}): Promise<Page<Transaction>> {
    const list = this.#ordered(this.#byCustomer.get(customerId) ?? [], options.from?.getTime() ?? -Infinity, options.to?.getTime() ?? Infinity);
    return this.#page(list, options);
  }

  async *streamByTimeRange(options: RecordStreamOptions = {}): AsyncIterable<Transaction> {
    const list = this.#ordered(this.#rows.keys(), options.from?.getTime() ?? -Infinity, options.to?.getTime() ?? Infinity); // M:stream-bound
    let cursor: string | undefined;
    do {
      const page = this.#page(list, { limit: Math.min(1000, options.batchSize ?? 500), ...(cursor !== undefined && { cursor }) });
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }

  async reassignCustomer(fromCustomerId: string, toCustomerId: string): Promise<string[]> {
    const ids = [...(this.#byCustomer.get(fromCustomerId) ?? [])];
    await this.reassign(ids, toCustomerId);
    return ids;
  }

  async reassign(ids: readonly string[], toCustomerId: string): Promise<void> {
    for (const id of ids) if (!this.#rows.has(id)) throw new CrmError('NOT_FOUND', { params: { entity: 'transaction', id } }); // M:reassign-atomic
    for (const id of ids) {
      const row = this.#rows.get(id) as TxRow;
      remove(this.#byCustomer, row.customerId, id); // M:reassign-index
      row.customerId = toCustomerId;
      add(this.#byCustomer, toCustomerId, id);
    }
  }
}
