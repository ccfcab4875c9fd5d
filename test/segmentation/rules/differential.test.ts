// Differential test: random rules (fast-check) over one fixed set of random rows, evaluated in
// memory (compileSegment) and in each SQL engine (toSql with its dialect); the member sets must be
// identical. The second implementation is the engine itself. Runs on PGlite and DuckDB always, on a
// real PostgreSQL server with PG_URL set and on a ClickHouse cluster with CLICKHOUSE_URL set (see
// test/core/sql/engines.ts and docs/guides/pushdown.md).
import fc from 'fast-check';
import { type FieldKind, OPERATORS_BY_KIND, type RulePools, ruleArbitrary, ruleValueArbitrary } from './ruleArbitrary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdentifier } from 'crmkit/core';
import { type CustomerMetrics, type SegmentCustomer, compileSegment, toSql } from 'crmkit/segmentation';
import { type Cell, type ColumnSpec, type Engine, openEngines } from '../../core/sql/engines';

const ASOF = new Date('2026-03-01T00:00:00Z');
const TABLE = 'segment "rows"';
const ATTRIBUTES = { vipLevel: 'number', region: 'string', wholesale: 'boolean' } as const;
const COLUMNS = {
  id: 'id',
  kind: 'kind',
  displayName: 'display "name"',
  lifecycleStage: 'lifecycle_stage',
  createdAt: 'created_at',
  tags: 'tags',
  'consent.sms': 'consent_sms',
  'rfm.r': 'rfm_r',
  lifetimeSpendMinor: 'lifetime_spend_minor',
  lastPurchaseAt: 'last_purchase_at',
  'attributes.vipLevel': 'vip_level',
  'attributes.region': 'region',
  'attributes.wholesale': 'wholesale',
};
const FIELDS: Record<keyof typeof COLUMNS, FieldKind> = {
  id: 'string',
  kind: 'string',
  displayName: 'string',
  lifecycleStage: 'string',
  createdAt: 'date',
  tags: 'tags',
  'consent.sms': 'boolean',
  'rfm.r': 'number',
  lifetimeSpendMinor: 'number',
  lastPurchaseAt: 'date',
  'attributes.vipLevel': 'number',
  'attributes.region': 'string',
  'attributes.wholesale': 'boolean',
};

const STRINGS = ['', 'a', 'A', 'ab', 'ba', 'abc', 'é', 'e\u0301', '李雷', '李', "O'Brien", '"', '\\', '%', '_', 'a%', ' a', 'a ', '😀', 'x😀', 'ß', 'SS', 'person', 'customer'];
const NUMBERS = [-1e21, -5, -1, -0, 0, 0.1, 0.2, 0.30000000000000004, 0.3, 1, 2, 3, 4, 5, 1e21, 2 ** 53 + 2];
const DATES = ['2025-12-31T23:59:59.999Z', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-02-22T12:00:00.000Z', '2026-02-28T23:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'];
const TAGS = ['vip', 'new', 'b2b', 'a,b', 'q"x', 'null'];

const str = fc.constantFrom(...STRINGS);
const num = fc.constantFrom(...NUMBERS);
const date = fc.constantFrom(...DATES).map((d) => new Date(d));

interface Row {
  readonly customer: SegmentCustomer;
  readonly metrics: CustomerMetrics;
}
const rowArb: fc.Arbitrary<Omit<Row, 'customer'> & { customer: Omit<SegmentCustomer, 'id'> }> = fc.record({
  customer: fc.record(
    {
      kind: fc.constantFrom('person', 'organization'),
      displayName: str,
      lifecycleStage: fc.constantFrom('prospect', 'customer', 'churned'),
      createdAt: fc.oneof(date, fc.constant(new Date(Number.NaN))),
      tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }),
      consent: fc.record({ sms: fc.record({ granted: fc.boolean(), updatedAt: date }) }, { requiredKeys: [] }),
      // values of the wrong type are "missing" in memory and NULL in the typed SQL column
      attributes: fc.record(
        { vipLevel: fc.oneof(num, fc.constant('3'), fc.constant(null)), region: fc.oneof(str, fc.constant(7)), wholesale: fc.oneof(fc.boolean(), fc.constant('true')) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Omit<SegmentCustomer, 'id'>>,
  metrics: fc.record(
    {
      rfm: fc.record({ r: fc.integer({ min: 1, max: 5 }), f: fc.constant(1), m: fc.constant(1) }),
      lifetimeSpendMinor: fc.oneof(num, fc.constant(Number.NaN), fc.constant(Infinity), fc.constant(-Infinity)),
      lastPurchaseAt: fc.oneof(date, fc.constant(null)),
    },
    { requiredKeys: [] },
  ),
});

const ROWS: Row[] = fc.sample(rowArb, { seed: 20260301, numRuns: 160 }).map((r, i) => ({ ...r, customer: { ...r.customer, id: `r${i}` } }));

// Independent mapping of a row to SQL column values (typed columns: wrong types and NaN become NULL).
const s = (v: unknown) => (typeof v === 'string' ? v : null);
const n = (v: unknown) => (typeof v === 'number' && !Number.isNaN(v) ? v : null);
const d = (v: unknown) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v : null);
const b = (v: unknown) => (typeof v === 'boolean' ? v : null);
function sqlValues({ customer: c, metrics: m }: Row): Cell[] {
  const a = (c.attributes ?? {}) as Record<string, unknown>;
  return [
    c.id ?? null,
    s(c.kind),
    s(c.displayName),
    s(c.lifecycleStage),
    d(c.createdAt),
    c.tags ?? null,
    b(c.consent?.sms?.granted),
    n(m.rfm?.r),
    n(m.lifetimeSpendMinor),
    d(m.lastPurchaseAt),
    n(a.vipLevel),
    s(a.region),
    b(a.wholesale),
  ];
}

// Rule generator: every field, every operator that suits it, values from the same pools as the rows.
const POOLS: RulePools = {
  scalar: (t) => (t === 'string' ? str : t === 'number' ? num : t === 'date' ? fc.constantFrom(...DATES) : fc.boolean()),
  hasTag: [...TAGS, ' VIP ', 'New'],
  hasAnyTag: [...TAGS, 'B2B'],
  maxWithinLast: 40,
  maxChildren: 4,
};
const ruleArb = ruleArbitrary(FIELDS, POOLS);

// ClickHouse 18 DateTime holds whole seconds: its rows carry the dates floored to the second (rule
// values keep their milliseconds, so the comparisons still cross sub-second boundaries).
const floorSeconds = (d: unknown) => (d instanceof Date && !Number.isNaN(d.getTime()) ? new Date(Math.floor(d.getTime() / 1000) * 1000) : d);
function rowsFor(engine: Engine): Row[] {
  if (engine.dialect !== 'clickhouse') return ROWS;
  return ROWS.map((r) => ({
    customer: { ...r.customer, createdAt: floorSeconds(r.customer.createdAt) as Date },
    metrics: { ...r.metrics, lastPurchaseAt: floorSeconds(r.metrics.lastPurchaseAt) as Date | null },
  }));
}

const engines = await openEngines();
afterAll(async () => {
  for (const e of engines) await e.close();
}, 60_000);

describe.each(engines)('compileSegment and toSql agree exactly on $name', (engine) => {
  const rows = rowsFor(engine);
  beforeAll(async () => {
    const specs: ColumnSpec[] = Object.entries(COLUMNS).map(([f, c]) => ({ name: c, type: FIELDS[f as keyof typeof FIELDS], required: f === 'id' }));
    await engine.load(TABLE, specs, rows.map(sqlValues));
  }, 120_000);

  async function bothWays(rule: unknown): Promise<{ memory: string[]; sql: string[] }> {
    const test = compileSegment(rule, { asOf: ASOF, attributes: ATTRIBUTES });
    const memory = rows.filter((r) => test(r.customer, r.metrics)).map((r) => r.customer.id as string);
    const { text, values } = toSql(rule, { table: TABLE, columns: COLUMNS, asOf: ASOF, attributes: ATTRIBUTES, select: ['id'], dialect: engine.dialect });
    const sql = (await engine.query(text, values)).map((r) => r.id as string);
    return { memory: memory.sort(), sql: sql.sort() };
  }
  const count = async () => Number((await engine.query(`SELECT count(*) AS n FROM ${quoteIdentifier(TABLE, engine.dialect, 'table')}`))[0]?.n);

  it('on the fixed rows: the table holds every row', async () => {
    expect(await count()).toBe(ROWS.length);
  });

  it('on every single condition the generator can produce (exhaustive over operators)', async () => {
    for (const [field, type] of Object.entries(FIELDS) as [keyof typeof FIELDS, FieldKind][]) {
      for (const op of OPERATORS_BY_KIND[type]) {
        for (const value of fc.sample(ruleValueArbitrary(POOLS, type, op), { seed: 7, numRuns: 8 })) {
          const rule = value === undefined ? { field, op } : { field, op, value };
          const { memory, sql } = await bothWays(rule);
          expect(sql, JSON.stringify(rule)).toEqual(memory);
          const negated = await bothWays({ not: rule });
          expect(negated.sql, `not ${JSON.stringify(rule)}`).toEqual(negated.memory);
        }
      }
    }
  }, 120_000);

  it('on random nested rules (property)', async () => {
    await fc.assert(
      fc.asyncProperty(ruleArb, async (rule) => {
        const { memory, sql } = await bothWays(rule);
        expect(sql).toEqual(memory);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('injection attempts in values are inert in the database: they are compared as data', async () => {
    const hostile = [`'; DROP TABLE "segment ""rows"""; --`, "' OR '1'='1", '$1', "\\'; SELECT pg_sleep(1); --", "\\' OR 1 = 1 --", '`; DROP TABLE t; --', '/* x */', '李雷\'"\\'];
    for (const value of hostile) {
      for (const op of ['eq', 'contains', 'startsWith', 'in']) {
        const { memory, sql } = await bothWays({ field: 'displayName', op, value: op === 'in' ? [value] : value });
        expect(sql).toEqual(memory);
        expect(sql).toEqual([]);
      }
    }
    expect(await count()).toBe(ROWS.length);
  });

  it('the rows exercise both outcomes (the test can fail): some rules select some rows but not all', async () => {
    const { memory } = await bothWays({ field: 'tags', op: 'hasTag', value: 'vip' });
    expect(memory.length).toBeGreaterThan(0);
    expect(memory.length).toBeLessThan(ROWS.length);
  });
});
