// One withdrawal stops every outreach: follow-ups, care tasks and consent.* segment fields answer
// through consentStatus when given consent histories, and read the old flags otherwise. Expected
// results are worked by hand from the histories below; the SQL of toSql is checked against the
// in-memory predicate on PGlite (the second implementation is PostgreSQL), over random histories.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careTasks, DEFAULT_FOLLOW_UP_RULES, followUpsDue } from 'crmkit/lifecycle';
import { type ConsentRecord, consentRecordRow, withdrawConsent } from 'crmkit/privacy';
import { compileSegment, evaluateSegment, toSql } from 'crmkit/segmentation';
import { expectThrowsCode } from '../errors';
import { type SqlDatabase, openDatabase } from './sqlDatabase';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const flag = { granted: true, updatedAt: d('2025-01-01') };
// The old flags say yes on every channel; the history says the customer withdrew everything on 1 Feb.
const vip = { id: 'c-1', kind: 'person' as const, tags: ['vip'], lifecycleStage: 'loyal', ownerId: 'u-1', createdAt: d('2024-03-10'),
  person: { birthDate: d('1990-03-12') }, consent: { phone: flag, sms: flag, wechat: flag, email: flag } };
const stopAll = withdrawConsent([], { customerId: 'c-1', channel: 'all', purpose: 'all', method: 'in-app' }, { now: d('2026-02-01'), newId: () => 'w-1' }).records;
const records = new Map([['c-1', stopAll]]);

describe('followUpsDue and careTasks honour the consent history', () => {
  it('a follow-up due by the flags is skipped after the withdrawal', () => {
    const options = { asOf: d('2026-03-01'), interactions: [{ customerId: 'c-1', occurredAt: d('2026-01-01') }] };
    expect(followUpsDue([vip], DEFAULT_FOLLOW_UP_RULES, options).due.map((f) => f.customerId)).toEqual(['c-1']);
    const r = followUpsDue([vip], DEFAULT_FOLLOW_UP_RULES, { ...options, consent: { records } });
    expect(r.due).toEqual([]);
    expect(r.skipped).toEqual([{ customerId: 'c-1', ruleId: 'vip', reason: 'no_consent' }]);
    // Judged before the withdrawal, the empty-at-that-time history means no consent either
    // (records replace the flags for that customer).
    expect(followUpsDue([vip], DEFAULT_FOLLOW_UP_RULES, { ...options, consent: { records, asOf: d('2026-01-15') } }).due).toEqual([]);
    // A customer without a history falls back to the flags.
    expect(followUpsDue([{ ...vip, id: 'c-2' }], DEFAULT_FOLLOW_UP_RULES, { ...options, consent: { records } }).due).toHaveLength(1);
  });

  it('care tasks stop too; consent.asOf is required there', () => {
    const range = { from: '2026-03-01', to: '2026-03-31' };
    expect(careTasks([vip], range).tasks.map((t) => `${t.kind} ${t.on}`)).toEqual(['anniversary 2026-03-10', 'birthday 2026-03-12']);
    expect(careTasks([vip], { ...range, consent: { records, asOf: d('2026-02-15') } })).toEqual({ tasks: [], skipped: ['c-1'] });
    expectThrowsCode(() => careTasks([vip], { ...range, consent: { records } }), 'INVALID_DATE');
    expectThrowsCode(() => careTasks([vip], { ...range, consent: { records: {} as Map<string, ConsentRecord[]>, asOf: d('2026-02-15') } }), 'INVALID_ARGUMENT');
  });

  it('consent.* segment fields read the history in memory', () => {
    const rule = { field: 'consent.sms', op: 'eq', value: true };
    expect(evaluateSegment(rule, [vip]).map((c) => c.id)).toEqual(['c-1']);
    expect(evaluateSegment(rule, [vip], { asOf: d('2026-03-01'), consent: { records } })).toEqual([]);
    expect(compileSegment({ not: rule }, { asOf: d('2026-03-01'), consent: { records } })(vip)).toBe(true);
    expectThrowsCode(() => compileSegment(rule, { consent: { records } }), 'INVALID_DATE');
  });
});

describe('toSql with a consent table agrees with the in-memory predicate (PGlite)', () => {
  let db: SqlDatabase;
  const ASOF = d('2026-01-15');
  const CH = ['sms', 'email', 'all'] as const;
  const day = fc.integer({ min: 0, max: 30 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)));
  const entry = fc.oneof(
    fc.record({ channel: fc.constantFrom(...CH), purpose: fc.constantFrom('marketing', 'cross-border-transfer'), lawfulBasis: fc.constantFrom('consent', 'separate-consent', 'contract'),
      givenAt: day, expiresAt: fc.option(day, { nil: undefined }) }).map((r) => ({ ...r, action: 'grant' as const, policyVersion: 'p' })),
    fc.record({ channel: fc.constantFrom(...CH), purpose: fc.constantFrom('marketing', 'cross-border-transfer', 'all'), withdrawnAt: day })
      .map((r) => ({ ...r, action: 'withdraw' as const })),
  );
  // Per customer: no history (undefined: the flag decides) or a random one; and a random old flag.
  const customer = fc.record({ history: fc.option(fc.array(entry, { maxLength: 6 }), { nil: undefined }), sms: fc.option(fc.boolean(), { nil: undefined }) });

  beforeAll(async () => {
    db = await openDatabase();
    await db.exec(`CREATE TABLE cust (id text PRIMARY KEY, consent_sms boolean);
      CREATE TABLE consent (id text, customer_id text, channel text, purpose text, action text, at timestamptz, lawful_basis text, expires_at timestamptz);`);
  }, 120_000);
  afterAll(async () => db?.close());

  it('for random histories, purposes and rules', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(customer, { minLength: 1, maxLength: 8 }), fc.constantFrom('marketing', 'cross-border-transfer'), fc.boolean(), async (cs, purpose, negate) => {
        await db.exec('DELETE FROM cust; DELETE FROM consent;');
        const map = new Map<string, ConsentRecord[]>();
        const rows: { id: string; consent: { sms?: { granted: boolean; updatedAt: Date } } }[] = [];
        for (const [i, c] of cs.entries()) {
          const id = `c${i}`;
          rows.push({ id, consent: c.sms === undefined ? {} : { sms: { granted: c.sms, updatedAt: d('2025-01-01') } } });
          await db.query('INSERT INTO cust VALUES ($1, $2)', [id, c.sms ?? null]);
          if (c.history === undefined) continue;
          const history = c.history.map((e, j) => ({ ...e, id: `k${j}`, customerId: id, method: 'checkbox' }) as ConsentRecord);
          map.set(id, history);
          for (const r of history.map(consentRecordRow)) {
            await db.query('INSERT INTO consent VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [r.id, r.customer_id, r.channel, r.purpose, r.action, r.at, r.lawful_basis, r.expires_at]);
          }
        }
        const cond = { field: 'consent.sms', op: 'eq', value: true };
        const rule = negate ? { not: cond } : cond;
        const memory = evaluateSegment(rule, rows, { asOf: ASOF, consent: { records: map, purpose } }).map((c) => c.id);
        const q = toSql(rule, { table: 'cust', columns: { 'consent.sms': 'consent_sms' }, select: ['id'], consent: { table: 'consent', purpose, asOf: ASOF } });
        const sql = (await db.query(`${q.text} ORDER BY id`, q.values)).map((r) => r.id);
        expect(sql).toEqual(memory);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
