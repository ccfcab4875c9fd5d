/**
 * crmkit quickstart: register customers, catch bad rows, store everything in the in-memory
 * repositories, and print a summary. Run with `npm run demo`.
 */
import { Money, createCustomer, isCrmError, sequentialIds, validateCustomer, type Customer } from 'crmkit';
import { createMemoryRepositories } from 'crmkit/memory';
import { badRows, internationalPeople, mainlandPeople, organisations } from './data';

const now = new Date('2026-03-01T09:00:00+08:00');
const newId = sequentialIds('cust');
const { customers, transactions } = createMemoryRepositories();

console.log('crmkit quickstart\n=================\n');

// 1. Register good rows: createCustomer parses, normalises and validates.
const registered: Customer[] = [];
for (const row of [...mainlandPeople(), ...internationalPeople(), ...organisations()]) {
  const { customer } = createCustomer(row, { now, newId });
  registered.push(await customers.save(customer));
}
console.log(`Registered ${registered.length} customers.`);
const sample = registered[0]!;
console.log(`  e.g. ${sample.displayName}: phone normalised to E.164 (${sample.contactPoints[0]?.type === 'phone' ? sample.contactPoints[0].value : ''}), tags ${JSON.stringify(sample.tags)}`);

// 2. Bad rows: validateCustomer reports every issue (never the personal value), in en or zh-CN.
console.log('\nRows rejected on import:');
badRows().forEach((row, i) => {
  const result = validateCustomer(row, { locale: 'zh-CN' });
  for (const issue of result.issues) console.log(`  row ${i + 1}  [${issue.code}] ${issue.message}`);
});
try {
  createCustomer(badRows()[0], { now });
} catch (e) {
  if (isCrmError(e)) console.log(`  createCustomer throws CrmError ${e.code}: ${e.message}`);
}

// 3. Transactions, stored through the repository interface.
let t = 0;
for (const [i, c] of registered.entries()) {
  for (let k = 0; k < (i % 4) + 1; k++) {
    await transactions.append({
      id: `tx-${++t}`,
      customerId: c.id,
      type: 'purchase',
      amount: Money.of(`${(i * 37 + k * 11) % 900 + 99}.90`, 'CNY'),
      occurredAt: new Date(Date.UTC(2026, 0, 1 + ((i * 7 + k * 13) % 58))),
      channel: k % 2 ? 'store' : 'wechat_mini_program',
    });
  }
}

// 4. A readable summary, read back through the repositories.
console.log('\nSummary');
console.log(`  customers: ${await customers.count()}  (persons ${registered.filter((c) => c.kind === 'person').length}, organisations ${registered.filter((c) => c.kind === 'organization').length})`);
console.log(`  VIP: ${(await customers.findByTag('vip')).items.map((c) => c.displayName).join(', ')}`);
const gov = (await customers.findByTag('government')).items[0];
console.log(`  government account: ${gov?.displayName} with ${gov?.organization?.contacts.length} contacts (${gov?.organization?.contacts.map((c) => c.role).join(', ')})`);
console.log('\n  owner     customers  revenue (CNY)');
for (const owner of ['sales-1', 'sales-2', 'sales-3', 'sales-4']) {
  const owned = (await customers.findByOwner(owner, { limit: 1000 })).items;
  let revenue = Money.zero('CNY');
  for (const c of owned) for (const tx of (await transactions.listByCustomer(c.id, { limit: 1000 })).items) revenue = revenue.plus(tx.amount);
  console.log(`  ${owner.padEnd(9)} ${String(owned.length).padStart(9)}  ${revenue.amount.padStart(12)}`);
}
console.log(`\n  transactions stored: ${t}`);
