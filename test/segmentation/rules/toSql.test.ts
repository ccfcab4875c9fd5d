import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCrmError } from 'crmkit';
import { toSql } from 'crmkit/segmentation';

const columns = { displayName: 'display_name', kind: 'kind', tags: 'tags', 'attributes.region': 'region', createdAt: 'created_at' };
const attributes = { region: 'string' } as const;

describe('toSql', () => {
  it('produces the documented SQL for a small rule (written out by hand)', () => {
    const q = toSql({ any: [{ field: 'kind', op: 'in', value: ['person'] }, { not: { field: 'tags', op: 'hasTag', value: 'VIP' } }] }, { table: ['crm', 'customers'], columns, select: ['id'], paramOffset: 2 });
    expect(q.text).toBe(
      'SELECT "id" FROM "crm"."customers" WHERE (("kind" IS NOT NULL AND "kind" = ANY($3::text[])) OR (NOT ("tags" IS NOT NULL AND COALESCE($4::text = ANY("tags"), FALSE))))',
    );
    expect(q.values).toEqual([['person'], 'vip']);
    expect(q.text.endsWith(q.where)).toBe(true);
  });

  it('writes the DuckDB dialect: $n placeholders with DuckDB types, lists spelled out (written out by hand)', () => {
    const q = toSql({ any: [{ field: 'kind', op: 'in', value: ['person', 'org'] }, { field: 'tags', op: 'hasAnyTag', value: ['VIP'] }, { field: 'kind', op: 'notIn', value: [] }] }, { table: 't', columns, dialect: 'duckdb', select: ['id'] });
    expect(q.text).toBe(
      'SELECT "id" FROM "t" WHERE (("kind" IS NOT NULL AND "kind" IN ($1::VARCHAR, $2::VARCHAR)) OR ("tags" IS NOT NULL AND list_has_any("tags", [$3::VARCHAR])) OR ("kind" IS NOT NULL AND NOT (FALSE)))',
    );
    expect(q.values).toEqual(['person', 'org', 'vip']);
  });

  it('writes the ClickHouse dialect: backquoted names, values inline through clickhouseLiteral, dates as epoch milliseconds (written out by hand)', () => {
    const q = toSql({ all: [{ field: 'displayName', op: 'startsWith', value: "O'B" }, { field: 'createdAt', op: 'before', value: '2026-01-01T00:00:00.5Z' }, { any: [] }] }, { table: ['crm', 'c`x'], columns, dialect: 'clickhouse', select: ['id'] });
    expect(q.text).toBe(
      "SELECT `id` FROM `crm`.`c\\`x` WHERE ((`display_name` IS NOT NULL AND ifNull(startsWith(`display_name`, 'O\\x27B'), 0)) AND (`created_at` IS NOT NULL AND ifNull((toInt64(toUInt32(`created_at`)) * 1000) < 1767225600500, 0)) AND 0)",
    );
    expect(q.values).toEqual([]);
  });

  it('an unknown dialect is INVALID_ARGUMENT', () => {
    expect(() => toSql({ all: [] }, { table: 't', columns, dialect: 'mysql' as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('dates travel as ISO strings; empty groups become TRUE / FALSE', () => {
    expect(toSql({ all: [{ field: 'createdAt', op: 'after', value: '2026-01-01' }, { any: [] }, { all: [] }] }, { table: 't', columns }).values).toEqual(['2026-01-01T00:00:00.000Z']);
    expect(toSql({ any: [] }, { table: 't', columns }).where).toBe('FALSE');
  });

  it('no rule value ever appears in the SQL text (property, with injection attempts)', () => {
    const hostile = fc.oneof(fc.constantFrom("'; DROP TABLE customers; --", "' OR '1'='1", '$1', '"; --', '\\', 'E\'\\x27\'', '/* */', 'unicode\u2028'), fc.string({ minLength: 3, maxLength: 20 }));
    fc.assert(
      fc.property(hostile, fc.constantFrom('eq', 'neq', 'contains', 'startsWith', 'in', 'notIn'), (value, op) => {
        fc.pre(!/[\uD800-\uDFFF]/.test(value) && !value.includes('\u0000') && !/^[\w\s"().,=$:*]*$/.test(value));
        const rule = { field: 'attributes.region', op, value: op === 'in' || op === 'notIn' ? [value] : value };
        const q = toSql(rule, { table: 'customers', columns, attributes });
        expect(q.text).not.toContain(value);
        expect(JSON.stringify(q.values)).toContain(JSON.stringify(value).slice(1, -1));
      }),
    );
  });

  it('identifiers come only from options and are quoted, with quotes doubled', () => {
    const q = toSql({ field: 'kind', op: 'exists' }, { table: 'x"; DROP TABLE y; --', columns: { kind: 'a"b' } });
    expect(q.text).toBe('SELECT * FROM "x""; DROP TABLE y; --" WHERE ("a""b" IS NOT NULL)');
  });

  it('a field without a column, a bad identifier or a bad offset is INVALID_ARGUMENT', () => {
    const bad = [
      () => toSql({ field: 'ownerId', op: 'exists' }, { table: 't', columns }),
      () => toSql({ field: 'kind', op: 'exists' }, { table: '', columns }),
      () => toSql({ field: 'kind', op: 'exists' }, { table: 't', columns: { kind: 'a\u0000' } }),
      () => toSql({ field: 'kind', op: 'exists' }, { table: 't', columns, paramOffset: -1 }),
      () => toSql({ field: 'kind', op: 'exists' }, { table: 't', columns, select: [] }),
      () => toSql({ field: 'toString', op: 'exists' }, { table: 't', columns: {} }),
    ];
    const codes = bad.map((fn) => {
      try {
        fn();
        return 'no error';
      } catch (e) {
        return isCrmError(e) ? e.code : 'other';
      }
    });
    expect(codes).toEqual(['INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'UNKNOWN_FIELD']);
  });
});
