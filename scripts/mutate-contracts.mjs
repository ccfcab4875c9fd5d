// Mutation test of the contract suites in crmkit/testing: plants one realistic adopter bug at a time
// in test/testing/adopter/serialisedRepositories.ts (an implementation that is not crmkit/memory),
// runs test/testing/adopterContracts.test.ts against the mutant, and reports which mutants the
// suites kill. Exits non-zero if the unmutated implementation fails or any mutant survives.
// Usage: node scripts/mutate-contracts.mjs   (npm run test:mutants)
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

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

function run(env) {
  const r = spawnSync('npx', ['vitest', 'run', 'test/testing/adopterContracts.test.ts', '--reporter=dot'], { encoding: 'utf8', env: { ...process.env, ...env } });
  return r.status === 0;
}

if (!run({})) {
  console.error('the unmutated adopter implementation fails the contract suites');
  process.exit(1);
}
let killed = 0;
const survivors = [];
try {
  for (const [name, what, edits] of MUTANTS) {
    let text = original;
    for (const [find, replace] of edits) {
      if (!text.includes(find)) throw new Error(`mutant ${name}: text not found: ${find.slice(0, 60)}`);
      text = text.replace(find, replace);
    }
    writeFileSync(mutantFile, text);
    const passed = run({ CRMKIT_ADOPTER_IMPL: new URL(`../${mutantFile}`, import.meta.url).pathname });
    if (passed) survivors.push(`${name}: ${what}`);
    else killed++;
    console.log(`${passed ? 'SURVIVED' : 'killed  '} ${name}: ${what}`);
  }
} finally {
  rmSync(mutantFile, { force: true });
}
console.log(`mutants: ${killed} of ${MUTANTS.length} killed${survivors.length ? `; survivors:\n  ${survivors.join('\n  ')}` : ''}`);
process.exit(survivors.length === 0 ? 0 : 1);
