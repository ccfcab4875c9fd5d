// Mutation test of the contract suites in crmkit/testing: plants one realistic adopter bug at a time
// in test/testing/adopter/serialisedRepositories.ts (an implementation that is not crmkit/memory),
// runs test/testing/adopterContracts.test.ts against the mutant, and reports which mutants the
// suites kill. Then the same for the loyalty ledger: bugs planted in the PostgreSQL ledger of
// examples/postgres (run on PGlite, or on the server at PG_URL), all mutants in one vitest run of
// test/examples/ledgerMutants.test.ts. Exits non-zero if an unmutated implementation fails or any
// mutant survives (mutants marked `server` must only die when PG_URL is set: PGlite has one
// connection and runs transactions one at a time, so a missing row lock cannot show there).
// Usage: node scripts/mutate-contracts.mjs [--ledger-only]   (npm run test:mutants)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const source = 'test/testing/adopter/serialisedRepositories.ts';
const mutantFile = 'test/testing/adopter/.mutant.ts';
const original = readFileSync(source, 'utf8');

/** Each mutant: a name, what an adopter got wrong, and the [find, replace] edits that plant it. */
const MUTANTS = [
  ['default-version', 'save without expectedVersion skips the version check', [["if (current.version !== expected)", "if (options.expectedVersion !== undefined && current.version !== expected)"]]],
  ['no-cas', 'update never compares versions (last write wins)', [["if (current.version !== expected)", "if (false)"]]],
  ['read-before-await', 'reads the row, awaits, then writes: a lost update under concurrency', [["    await tick(); // the round trip to the store: concurrent callers interleave here\n    const currentText = this.#rows.get(customer.id);", "    const currentText = this.#rows.get(customer.id);\n    await tick();"]]],
  ['stale-index', 'an update leaves the old tag/owner/external-id index entries', [["    if (current !== undefined) this.#unindex(current); // M:stale-index\n", ""]]],
  ['delete-index', 'a delete leaves the index entries behind', [["    this.#unindex(current); // M:delete-index\n", ""]]],
  ['external-system', 'the external-id index ignores the system', [["this.#external.set(`${system}\\u0000${value}`, c.id)", "this.#external.set(value, c.id)"], ["this.#external.get(`${system}\\u0000${externalId}`)", "this.#external.get(externalId)"]]],
  ['id-case', 'ids compared case-insensitively (rows keyed in lower case)', [["this.#rows.get(id); // M:get-case", "this.#rows.get(id.toLowerCase());"], ["const currentText = this.#rows.get(customer.id);", "const currentText = this.#rows.get(customer.id.toLowerCase());"], ["this.#rows.set(stored.id, JSON.stringify(stored));", "this.#rows.set(stored.id.toLowerCase(), JSON.stringify(stored));"]]],
  ['offset-cursor', 'cursors are offsets: rows inserted between pages shift the pages', [["const start = after === undefined ? 0 : sorted.findIndex((id) => id > after);", "const start = after === undefined ? 0 : Number(after);"], ["nextCursor: cursorOf([last.id])", "nextCursor: cursorOf([String(start + limit)])"]]],
  ['inclusive-cursor', 'the cursor includes its own row (>= instead of >): a row repeats', [["sorted.findIndex((id) => id > after)", "sorted.findIndex((id) => id >= after)"]]],
  ['page-too-long', 'a page holds one row more than the limit', [["const items = slice.slice(0, limit).map(", "const items = slice.map("]]],
  ['customer-validation', 'customers are stored without validation', [["    if (!parsed.success) throw invalid('customer', parsed.error.issues);\n", "    if (!parsed.success) return customer;\n"]]],
  ['delete-version', 'delete ignores expectedVersion', [["if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {", "if (false) {"]]],
  ['getmany-order', 'getMany returns rows in id order, not the order asked', [["for (const id of ids) {\n      const c = await this.get(id);", "for (const id of [...ids].sort()) {\n      const c = await this.get(id);"]]],
  ['money-unit', 'amounts read back in minor units as if major (11.00 -> 1100)', [["Money.of(amount.amount, amount.currency)", "Money.of(amount.amount.replace('.', ''), amount.currency)"]]],
  ['money-currency', 'amounts read back in a default currency', [["Money.of(amount.amount, amount.currency)", "Money.of(amount.amount, 'CNY')"]]],
  ['duplicate-across-calls', 'only ids within the batch are checked: a stored id is accepted again', [["if (ids.has(r.id) || this.#rows.has(r.id))", "if (ids.has(r.id))"], ["    for (const r of batch) if (this.#rows.has(r.id)) throw new CrmError('DUPLICATE_ID', { params: { entity: 'transaction', id: r.id } }); // M:concurrent-duplicate\n", ""]]],
  ['duplicate-in-batch', 'a batch repeating an id is accepted', [["if (ids.has(r.id) || this.#rows.has(r.id))", "if (this.#rows.has(r.id))"]]],
  ['concurrent-duplicate', 'two concurrent appends of one id both succeed (no re-check at write time)', [["    for (const r of batch) if (this.#rows.has(r.id)) throw new CrmError('DUPLICATE_ID', { params: { entity: 'transaction', id: r.id } }); // M:concurrent-duplicate\n", ""]]],
  ['record-validation', 'records are stored without validation', [["      if (!parsed.success) throw invalid('transaction', parsed.error.issues);\n", ""]]],
  ['inclusive-to', 'time ranges include their end: [from, to]', [["if (row.at >= from && row.at < to)", "if (row.at >= from && row.at <= to)"]]],
  ['stream-ignores-to', 'the stream ignores its `to` bound', [["options.from?.getTime() ?? -Infinity, options.to?.getTime() ?? Infinity); // M:stream-bound", "options.from?.getTime() ?? -Infinity, Infinity);"]]],
  ['cursor-on-time-only', 'the record cursor is the timestamp alone: rows sharing it are skipped', [["x.row.at > key[0] || (x.row.at === key[0] && x.id > key[1])", "x.row.at > key[0]"]]],
  ['reassign-partial', 'reassign moves rows one by one and fails half-way on an unknown id', [["    for (const id of ids) if (!this.#rows.has(id)) throw new CrmError('NOT_FOUND', { params: { entity: 'transaction', id } }); // M:reassign-atomic\n    for (const id of ids) {\n      const row = this.#rows.get(id) as TxRow;", "    for (const id of ids) {\n      if (!this.#rows.has(id)) throw new CrmError('NOT_FOUND', { params: { entity: 'transaction', id } });\n      const row = this.#rows.get(id) as TxRow;"]]],
  ['reassign-index', 'reassign leaves the record listed under its old customer', [["      remove(this.#byCustomer, row.customerId, id); // M:reassign-index\n", ""]]],
  ['reassign-row', 'reassign updates the index but not the stored row', [["      row.customerId = toCustomerId;\n", ""]]],
];

/**
 * Ledger mutants: [name, what an adopter got wrong, [find, replace] edits, server-only?]. They are
 * planted in examples/postgres/PostgresLoyaltyLedgerRepository.ts, a SQL implementation that is
 * not crmkit/memory.
 */
const LEDGER_MUTANTS = [
  ['key-case', 'idempotency keys compared case-insensitively (lower(id))', [
    ["WHERE id = ANY($1::text[])`, [[...new Set(batch.map((e) => e.id))]]", "WHERE lower(id) = ANY($1::text[])`, [[...new Set(batch.map((e) => e.id.toLowerCase()))]]"],
    ['new Map(rows.map((r) => [r.id, revive(r)]))', 'new Map(rows.map((r) => [r.id.toLowerCase(), revive(r)]))'],
    ['stored.get(e.id) ?? fresh.get(e.id)', 'stored.get(e.id.toLowerCase()) ?? fresh.get(e.id.toLowerCase())'],
    ['fresh.set(e.id, e)', 'fresh.set(e.id.toLowerCase(), e)'],
  ]],
  ['check-outside-lock', 'the balance and entries are read before the transaction, the overdraft and spendable guard checked against that read', [
    ['return this.#transaction((tx) => this.#appendOnce(tx, parsed, options.expectedBalance));', 'const read = new Map<string, number>();\n    const readEntries = new Map<string, LedgerEntry[]>();\n    for (const e of parsed) {\n      read.set(e.customerId, await this.balanceOf(e.customerId));\n      readEntries.set(e.customerId, await this.entriesOf(e.customerId));\n    }\n    return this.#transaction((tx) => this.#appendOnce(tx, parsed, options.expectedBalance, read, readEntries));'],
    ['expectedBalance: number | undefined): Promise<LedgerAppendResult> {\n    const balances = await lockBalances(tx, batch.map((e) => e.customerId));', 'expectedBalance: number | undefined, read?: Map<string, number>, readEntries?: Map<string, LedgerEntry[]>): Promise<LedgerAppendResult> {\n    await lockBalances(tx, batch.map((e) => e.customerId));\n    const balances = read ?? new Map<string, number>();'],
    ['assertSpendable(await storedEntries(tx, customerId), added, { customerId });', 'assertSpendable(readEntries?.get(customerId) ?? (await storedEntries(tx, customerId)), added, { customerId });'],
  ]],
  ['no-row-lock', 'the balance row is read with a plain SELECT in the transaction (no lock): concurrent appends interleave', [
    ['ON CONFLICT (customer_id) DO UPDATE SET points = loyalty_balances.points RETURNING points`;', "ON CONFLICT (customer_id) DO NOTHING`;\nconst READ_BALANCE = 'SELECT points FROM loyalty_balances WHERE customer_id = $1';"],
    ['const { rows } = await tx.query<{ points: string | number }>(LOCK_BALANCE, [id]);', 'await tx.query(LOCK_BALANCE, [id]);\n    const { rows } = await tx.query<{ points: string | number }>(READ_BALANCE, [id]);'],
  ], true],
  ['key-race-ignored', 'a key inserted concurrently by another customer is skipped by ON CONFLICT DO NOTHING, but its points still count', [
    ['    if (inserted.rowCount !== fresh.size) throw new KeyRace();\n', ''],
  ], true],
  ['cursor-time-only', 'the page cursor compares occurredAt alone: entries sharing a timestamp are skipped', [
    ['AND ($4::timestamptz IS NULL OR (occurred_at, id) > ($4::timestamptz, $5::text))', 'AND ($4::timestamptz IS NULL OR occurred_at > $4::timestamptz OR $5::text IS NULL)'],
  ]],
  ['offset-cursor', 'the page cursor is an offset: entries posted between pages shift the pages', [
    ['const [at, id] = timeCursor(options.cursor);', 'const [at, id] = timeCursor(options.cursor);\n    const offset = id === null ? 0 : Number(id);'],
    ['AND ($4::timestamptz IS NULL OR (occurred_at, id) > ($4::timestamptz, $5::text))\n       ORDER BY occurred_at, id LIMIT $6`,', 'AND ($4::timestamptz IS NULL OR true)\n       ORDER BY occurred_at, id OFFSET $5::int LIMIT $6`,'],
    ['return pageOf(rows, limit, revive, (r) => [iso(r.occurred_at), r.id]);', 'return pageOf(rows, limit, revive, (r) => [iso(r.occurred_at), String(offset + rows.indexOf(r) + 1)]);'],
  ]],
  ['inclusive-to', 'the page range includes its end: [from, to]', [
    ['AND ($3::timestamptz IS NULL OR occurred_at < $3::timestamptz)', 'AND ($3::timestamptz IS NULL OR occurred_at <= $3::timestamptz)'],
  ]],
  ['entries-by-id', 'entriesOf orders by id, not by time', [
    ['WHERE customer_id = $1 ORDER BY occurred_at, id`', 'WHERE customer_id = $1 ORDER BY id`'],
  ]],
  ['lot-dropped', 'rows are read without the schema and lotId/reverses are not stored (only earn entries round-trip)', [
    ['return LedgerEntrySchema.parse({', 'return ({'],
    ["    ...(row.qualifying_points !== null && { qualifyingPoints: Number(row.qualifying_points) }),\n  });", "    ...(row.qualifying_points !== null && { qualifyingPoints: Number(row.qualifying_points) }),\n  }) as LedgerEntry;"],
    ['pick((e) => e.lotId ?? null),', 'pick(() => null),'],
    ['pick((e) => e.reverses ?? null),', 'pick(() => null),'],
  ]],
  ['source-ref-earn-only', 'sourceRef read back on earn entries only', [
    ['...(row.source_ref !== null && { sourceRef: row.source_ref }),', "...(row.source_ref !== null && row.type === 'earn' && { sourceRef: row.source_ref }),"],
  ]],
  ['expires-lost', 'expiresAt is not stored', [
    ['pick((e) => (e.expiresAt ? iso(e.expiresAt) : null)),', 'pick(() => null),'],
  ]],
  ['pending-lost', 'pendingUntil and qualifyingPoints are not stored', [
    ['pick((e) => (e.pendingUntil ? iso(e.pendingUntil) : null)),', 'pick(() => null),'],
    ['pick((e) => (e.qualifyingPoints === undefined ? null : String(e.qualifyingPoints))),', 'pick(() => null),'],
  ]],
  ['spend-unit', 'spend read back in minor units as if major (11.00 -> 1100)', [
    ['spend: { amount: row.spend_amount,', "spend: { amount: row.spend_amount.replace('.', ''),"],
  ]],
  ['reassign-forgets-entries', 'reassign moves the balance but not the entries', [
    ["      await tx.query('UPDATE loyalty_ledger SET customer_id = $2 WHERE id = ANY($1::text[])', [moving.map((r) => r.id), toCustomerId]);\n", ''],
  ]],
  ['reassign-forgets-balance', 'reassign moves the entries but not the balance', [
    ['      await addToBalances(tx, delta);\n    });\n  }\n}', '    });\n  }\n}'],
  ]],
  ['reassign-one-page', 'reassignCustomer moves the entries of one page (the largest, 1000) and forgets the rest', [
    ['if (fromCustomerId === toCustomerId) return (await this.entriesOf(fromCustomerId)).map((e) => e.id);', '{\n      const ids = (await this.listByCustomer(fromCustomerId, { limit: 1000 })).items.map((e) => e.id);\n      await this.reassign(ids, toCustomerId);\n      return ids;\n    }'],
  ]],
  ['repeats-counted', 'repeated entries are added to the balance again', [
    ['for (const e of fresh.values()) delta.set(e.customerId, (delta.get(e.customerId) ?? 0) + e.points);', 'for (const e of batch) delta.set(e.customerId, (delta.get(e.customerId) ?? 0) + e.points);'],
  ]],
  ['conflict-points-only', 'a known key counts as a repeat when the points match (other fields ignored)', [
    ['if (!sameEntry(prior, e))', 'if (prior.points !== e.points)'],
  ]],
  ['conflict-ignores-dates', 'a known key counts as a repeat whatever its dates', [
    ['if (!sameEntry(prior, e))', 'if (!sameEntry({ ...prior, occurredAt: e.occurredAt, expiresAt: e.expiresAt }, e))'],
  ]],
  ['batch-repeat-unchecked', 'a key repeated within one batch is not compared (the last one wins)', [
    ['stored.get(e.id) ?? fresh.get(e.id)', 'stored.get(e.id)'],
  ]],
  ['no-expected-balance', 'expectedBalance is ignored', [
    ['if (actual !== expectedBalance) {', 'if (actual !== actual) {'],
  ]],
  ['expected-balance-on-repeats', 'expectedBalance is checked even when every entry is a repeat (a retry fails)', [
    ['if (expectedBalance !== undefined && delta.size > 0) {', 'if (expectedBalance !== undefined && batch.length > 0) {\n      if (delta.size === 0) delta.set(batch[0]!.customerId, 0);'],
  ]],
  ['expected-balance-many-customers', 'expectedBalance with entries of several customers checks the first one', [
    ["      if (delta.size > 1) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'expectedBalance', rule: 'applies to entries of one customer' } });\n", ''],
  ]],
  ['no-overdraft', 'no overdraft check (neither the posted nor the spendable balance)', [
    ['if (current + d < 0)', 'if (current + d < -Infinity)'],
    ['if (added.some((e) => e.points < 0)) assertSpendable(', 'if (added.length < 0) assertSpendable('],
  ]],
  // The spendable guard itself is crmkit's `assertSpendable` (crmkit/loyalty), so an adopter can no
  // longer get its time rule wrong; what they can get wrong is not calling it, or calling it with a
  // stale read (check-outside-lock above).
  ['posted-balance-only', 'the overdraft guard uses the posted balance: lapsed and pending points can be spent', [
    ['if (added.some((e) => e.points < 0)) assertSpendable(', 'if (added.length < 0) assertSpendable('],
  ]],
  ['overdraft-negatives-only', 'the overdraft check ignores points earned in the same batch', [
    ['for (const [customerId, d] of delta) {\n      const current = balances.get(customerId) ?? 0;', 'for (const [customerId] of delta) {\n      const current = balances.get(customerId) ?? 0;\n      const d = [...fresh.values()].filter((x) => x.customerId === customerId && x.points < 0).reduce((s, x) => s + x.points, 0);'],
  ]],
  ['no-validation', 'entries are stored without validation', [
    ['if (!result.success) throw validationFailed(\'ledger entry\', result.error.issues);', 'if (!result.success) return raw as LedgerEntry;'],
  ]],
];

function run(env) {
  const r = spawnSync('npx', ['vitest', 'run', 'test/testing/adopterContracts.test.ts', '--reporter=dot'], { encoding: 'utf8', env: { ...process.env, ...env } });
  return r.status === 0;
}

function plant(text, name, edits) {
  for (const [find, replace] of edits) {
    if (!text.includes(find)) throw new Error(`mutant ${name}: text not found: ${find.slice(0, 60)}`);
    text = text.replace(find, replace);
  }
  return text;
}

let killed = 0;
let total = 0;
const survivors = [];
if (!process.argv.includes('--ledger-only')) {
  if (!run({})) {
    console.error('the unmutated adopter implementation fails the contract suites');
    process.exit(1);
  }
  try {
    for (const [name, what, edits] of MUTANTS) {
      writeFileSync(mutantFile, plant(original, name, edits));
      const passed = run({ CRMKIT_ADOPTER_IMPL: new URL(`../${mutantFile}`, import.meta.url).pathname });
      total++;
      if (passed) survivors.push(`${name}: ${what}`);
      else killed++;
      console.log(`${passed ? 'SURVIVED' : 'killed  '} ${name}: ${what}`);
    }
  } finally {
    rmSync(mutantFile, { force: true });
  }
  console.log(`customer and transaction mutants: ${killed} of ${total} killed`);
}

// --- the loyalty ledger: mutants of examples/postgres/PostgresLoyaltyLedgerRepository.ts ----------
const ledgerSource = 'examples/postgres/PostgresLoyaltyLedgerRepository.ts';
const ledgerOriginal = readFileSync(ledgerSource, 'utf8');
const onServer = Boolean(process.env.PG_URL);
const ledgerFiles = [];
let ledgerKilled = 0;
let ledgerCounted = 0;
try {
  const listed = [{ name: 'original', file: new URL(`../${ledgerSource}`, import.meta.url).pathname }];
  for (const [name, , edits] of LEDGER_MUTANTS) {
    const file = `examples/postgres/.mutant-${name}.ts`;
    writeFileSync(file, plant(ledgerOriginal, name, edits));
    ledgerFiles.push(file);
    listed.push({ name, file: new URL(`../${file}`, import.meta.url).pathname });
  }
  const out = join(mkdtempSync(join(tmpdir(), 'crmkit-mutants-')), 'ledger.json');
  spawnSync('npx', ['vitest', 'run', 'test/examples/ledgerMutants.test.ts', '--reporter=json', `--outputFile=${out}`], {
    encoding: 'utf8',
    env: { ...process.env, CRMKIT_LEDGER_MUTANTS: JSON.stringify(listed) },
  });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const failedBy = new Map(listed.map((m) => [m.name, 0]));
  const ranBy = new Map(listed.map((m) => [m.name, 0]));
  for (const file of report.testResults) {
    for (const t of file.assertionResults) {
      const name = t.ancestorTitles[0];
      if (!ranBy.has(name)) continue;
      ranBy.set(name, ranBy.get(name) + 1);
      if (t.status === 'failed') failedBy.set(name, failedBy.get(name) + 1);
    }
  }
  if (ranBy.get('original') === 0 || failedBy.get('original') > 0) {
    console.error(`the unmutated PostgreSQL ledger fails the ledger contract (${failedBy.get('original')} of ${ranBy.get('original')} tests failed)`);
    process.exit(1);
  }
  for (const [name, what, , serverOnly] of LEDGER_MUTANTS) {
    const died = failedBy.get(name) > 0;
    if (ranBy.get(name) === 0) throw new Error(`ledger mutant ${name} did not run (does it compile?)`);
    const counted = !serverOnly || onServer;
    if (counted) ledgerCounted++;
    if (died && counted) ledgerKilled++;
    if (!died && counted) survivors.push(`ledger ${name}: ${what}`);
    const note = serverOnly && !onServer ? ' (server-only: not counted on PGlite)' : '';
    console.log(`${died ? 'killed  ' : 'SURVIVED'} ledger ${name}: ${what}${died ? ` (${failedBy.get(name)} tests failed)` : ''}${note}`);
  }
  console.log(`ledger mutants (${onServer ? 'PostgreSQL server' : 'PGlite'}): ${ledgerKilled} of ${ledgerCounted} killed`);
} finally {
  for (const f of ledgerFiles) rmSync(f, { force: true });
}
killed += ledgerKilled;
total += ledgerCounted;
console.log(`mutants: ${killed} of ${total} killed${survivors.length ? `; survivors:\n  ${survivors.join('\n  ')}` : ''}`);
process.exit(survivors.length === 0 ? 0 : 1);
