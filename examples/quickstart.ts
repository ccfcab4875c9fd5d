/**
 * crmkit quickstart: register customers, catch bad rows, store everything in the repositories,
 * print a summary, then score the same customers with every domain area (RFM and rule segments,
 * lifecycle stages, CLV, NPS, loyalty points, duplicates). Run with `npm run demo` (in-memory
 * repositories) or `npm run demo:postgres` (the same code on PostgreSQL: examples/postgres/demo.ts).
 */
import { pathToFileURL } from 'node:url';
import { Money, createCustomer, isCrmError, sequentialIds, validateCustomer, type Customer, type CustomerInput } from 'crmkit';
import { createMemoryRepositories, type MemoryRepositories } from 'crmkit/memory';
import { evaluateSegment, rfmMetrics, summarizeRfm, toSql } from 'crmkit/segmentation';
import { DEFAULT_STAGE_POLICY, deriveStage } from 'crmkit/lifecycle';
import { historicClv } from 'crmkit/clv';
import { nps } from 'crmkit/satisfaction';
import { balance, earnPoints, parseLoyaltyProgram } from 'crmkit/loyalty';
import { findDuplicates } from 'crmkit/quality';
import { badRows, internationalPeople, mainlandPeople, organisations } from './data';

/**
 * Runs the quickstart against a set of repositories (any storage with crmkit's repository shape).
 *
 * @param repositories - where customers and transactions are stored; default: fresh in-memory ones
 * @param storage - what to call the storage in the output
 */
export async function quickstart(repositories: MemoryRepositories = createMemoryRepositories(), storage = 'in-memory repositories'): Promise<void> {
  const now = new Date('2026-03-01T09:00:00+08:00');
  const newId = sequentialIds('cust');
  const { customers, transactions } = repositories;

  console.log(`crmkit quickstart (${storage})\n=================\n`);

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
    createCustomer(badRows()[0] as CustomerInput, { now }); // JSON of unknown shape: typed for the compiler, validated at run time
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

  // 5. Score and act: every domain area on the same data, read back through the repositories.
  const asOf = new Date('2026-03-01T00:00:00Z');
  const allTx = (await Promise.all(registered.map(async (c) => (await transactions.listByCustomer(c.id, { limit: 1000 })).items))).flat();

  const summaries = summarizeRfm(allTx, { asOf, customerIds: registered.map((c) => c.id), currency: 'CNY' });
  const metrics = rfmMetrics(summaries);
  const bySegment = new Map<string, number>();
  for (const m of metrics.values()) bySegment.set(String(m.rfmSegment), (bySegment.get(String(m.rfmSegment)) ?? 0) + 1);
  console.log(`\nRFM segments: ${[...bySegment].map(([s, n]) => `${s} ${n}`).join(', ')}`);
  const bigSpenders = evaluateSegment({ field: 'lifetimeSpendMinor', op: 'gte', value: 200_000 }, registered, { asOf, metrics });
  console.log(`  rule segment "spent 2,000 CNY or more": ${bigSpenders.length} customers; as SQL: ${toSql({ field: 'lifetimeSpendMinor', op: 'gte', value: 200_000 }, { table: 'customer_metrics', columns: { lifetimeSpendMinor: 'spend_fen' } }).text}`);

  const stages = new Map<string, number>();
  for (const c of registered) {
    const { stage } = deriveStage({ customerId: c.id, since: c.createdAt, transactions: allTx.filter((t) => t.customerId === c.id) }, DEFAULT_STAGE_POLICY, { asOf });
    stages.set(stage, (stages.get(stage) ?? 0) + 1);
  }
  console.log(`Lifecycle stages: ${[...stages].map(([s, n]) => `${s} ${n}`).join(', ')}`);

  const avgOrder = Money.sum(allTx.map((t) => t.amount), 'CNY').dividedBy(allTx.length);
  console.log(`Historic CLV (average order ${avgOrder.amount} CNY, 4 orders a year, 30% margin, 3 years, 10% discount): ${historicClv({ averageOrderValue: avgOrder, purchasesPerYear: 4, grossMargin: 0.3, lifespanYears: 3, discountRate: 0.1 }).toString()}`);

  const score = nps([10, 9, 9, 8, 7, 10, 6, 9, 3, 10]);
  console.log(`NPS from ten answers: ${score.score} (±${score.marginOfError?.toFixed(0)} at 95%)`);

  const program = parseLoyaltyProgram({ id: 'club', currency: 'CNY', earning: { rate: { spend: { amount: '1', currency: 'CNY' }, points: 1 } }, tiers: [{ id: 'member', threshold: { points: 0 } }] });
  const earned = allTx.filter((t) => t.customerId === registered[0]!.id).map((t) => earnPoints(t, program).entry!);
  console.log(`Loyalty: ${registered[0]!.displayName} holds ${balance(earned, { asOf })} points`);

  const dupes = findDuplicates(registered);
  console.log(`Data quality: ${dupes.pairs.length} likely duplicate pair(s) among ${registered.length} customers`);
}

// Run directly (npm run demo): the in-memory repositories.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await quickstart();
