// The one ClickHouse escaper: expected literals written out by hand from the rule "ASCII letters,
// digits and space stay, every other UTF-8 byte is \xHH"; an independent decoder written here
// checks the round trip for any string; with CLICKHOUSE_URL set, a real server (18.16 in CI) reads
// every payload back unchanged (the second implementation is ClickHouse's own literal parser).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clickhouseLiteral, isCrmError, quoteIdentifier } from 'crmkit/core';
import { openClickhouse } from './engines';

const PAYLOADS = [
  "'; DROP TABLE t; --",
  "' OR '1'='1",
  "\\'; SELECT 1; --",
  '\\',
  '\\\\x27',
  "''",
  '\u0000',
  'a\u0000b',
  '/* comment */ SELECT',
  '-- comment',
  '`backtick`',
  '"double"',
  '李雷 韩梅梅',
  '😀 e\u0301',
  '\u2028\u2029\r\n\t',
  '$1 {name:String}',
  '',
];

const wellFormed = (s: string) => /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/.test(s);

/** Reads a literal back the way the escaping rule defines it (independent of the implementation). */
function decode(literal: string): string {
  expect(literal).toMatch(/^'(?:[A-Za-z0-9 ]|\\x[0-9A-F]{2})*'$/);
  const bytes: number[] = [];
  const body = literal.slice(1, -1);
  for (let i = 0; i < body.length; ) {
    if (body[i] === '\\') {
      bytes.push(Number.parseInt(body.slice(i + 2, i + 4), 16));
      i += 4;
    } else bytes.push(body.charCodeAt(i++));
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}

describe('clickhouseLiteral', () => {
  it('writes the hand-derived literals', () => {
    expect(clickhouseLiteral("O'Brien")).toBe("'O\\x27Brien'");
    expect(clickhouseLiteral('a\\b')).toBe("'a\\x5Cb'");
    expect(clickhouseLiteral('\u0000')).toBe("'\\x00'");
    expect(clickhouseLiteral('李')).toBe("'\\xE6\\x9D\\x8E'"); // U+674E = E6 9D 8E in UTF-8
    expect(clickhouseLiteral(-1.5)).toBe("toFloat64('\\x2D1\\x2E5')");
    expect(clickhouseLiteral(1e21)).toBe("toFloat64('1e\\x2B21')");
    expect(clickhouseLiteral(12n)).toBe('12');
    expect(clickhouseLiteral(false)).toBe('0');
  });

  it('any well-formed string becomes a literal of only letters, digits, space and \\xHH, that decodes to itself (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }).filter(wellFormed), fc.constantFrom(...PAYLOADS)), (s) => {
        expect(decode(clickhouseLiteral(s))).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what it cannot write faithfully: NaN, infinities, lone surrogates, objects', () => {
    for (const bad of [Number.NaN, Infinity, '\uD800', 'a\uDC00', {}, null, undefined]) {
      let code = 'no error';
      try {
        clickhouseLiteral(bad as never);
      } catch (e) {
        code = isCrmError(e) ? e.code : 'other';
      }
      expect(code, String(bad)).toBe('INVALID_ARGUMENT');
    }
  });

  it('quotes ClickHouse identifiers with backticks, escaping backtick and backslash', () => {
    expect(quoteIdentifier('a`b\\c', 'clickhouse', 'column')).toBe('`a\\`b\\\\c`');
    expect(quoteIdentifier('a"b', 'duckdb', 'column')).toBe('"a""b"');
  });

  const url = process.env.CLICKHOUSE_URL;
  it.skipIf(!url)('a real ClickHouse server reads every payload and random strings back unchanged, and numbers to the same float64', async () => {
    const ch = openClickhouse(url as string);
    const strings = [...PAYLOADS, ...fc.sample(fc.string({ unit: 'binary' }).filter(wellFormed), { seed: 15, numRuns: 200 })];
    for (let i = 0; i < strings.length; i += 50) {
      const chunk = strings.slice(i, i + 50);
      // hex() of the server's bytes against the UTF-8 bytes computed here: exact, whatever JSON does with NUL.
      const rows = await ch.query(`SELECT ${chunk.map((s, j) => `hex(${clickhouseLiteral(s)}) AS v${j}`).join(', ')}`);
      chunk.forEach((s, j) => expect(rows[0]?.[`v${j}`], JSON.stringify(s)).toBe(Buffer.from(s, 'utf8').toString('hex').toUpperCase()));
    }
    // 18.16's float parser reads the smallest subnormal (5e-324) as 0 (a server limit, documented in the TSDoc); 1e-310 is exact.
    const numbers = [0, -0, 1.5, -1e21, 2 ** 53 + 2, 0.30000000000000004, 1e-310, 1.7976931348623157e308];
    const rows = await ch.query(`SELECT ${numbers.map((n, j) => `${clickhouseLiteral(n)} AS n${j}`).join(', ')}`);
    numbers.forEach((n, j) => expect(rows[0]?.[`n${j}`]).toBe(n === 0 ? 0 : n));
  });
});
