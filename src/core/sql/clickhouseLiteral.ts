import { CrmError } from '../errors/CrmError';

const encoder = /* @__PURE__ */ new TextEncoder();
const HEX = '0123456789ABCDEF';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isPlain(byte: number): boolean {
  // ASCII letters, digits and space only: every other byte (quotes, backslash, NUL, comment and
  // operator characters, all of UTF-8 beyond ASCII) is written as a \xHH escape.
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x20;
}

function stringLiteral(value: string): string {
  if (value.length > 1_000_000) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'value', rule: 'must be at most 1000000 characters' } });
  }
  if (LONE_SURROGATE.test(value)) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'value', rule: 'must be well-formed Unicode' } });
  }
  const bytes = encoder.encode(value);
  let out = "'";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    out += isPlain(b) ? String.fromCharCode(b) : `\\x${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return `${out}'`;
}

/**
 * The one function that writes a value into ClickHouse SQL text. ClickHouse 18.16 has no
 * server-side query parameters, so the `clickhouse` dialect of `toSql`, `rfmSummarySql` and
 * `clvSummarySql` renders every value through this function and nothing else:
 *
 * - a string becomes a single-quoted literal of its UTF-8 bytes in which only ASCII letters,
 *   digits and space appear as themselves; every other byte is a `\xHH` escape, so quotes,
 *   backslashes, NUL, comment markers and multi-byte characters can never end the literal or be
 *   read as SQL (ClickHouse strings are byte strings, so the value round-trips exactly);
 * - a number (finite only) becomes `toFloat64('…')` of its shortest round-trip decimal form, so
 *   the server reads back the same float64 (no integer-literal type inference; ClickHouse 18.16
 *   reads the very smallest subnormals, below about 1e-320, as 0);
 * - a bigint becomes its decimal digits (an integer literal);
 * - a boolean becomes `1` or `0` (ClickHouse 18 stores booleans as UInt8).
 *
 * @param value - a string (well-formed Unicode, at most 1,000,000 characters), finite number,
 *   bigint or boolean
 * @returns the literal, safe to splice into ClickHouse SQL
 * @throws {CrmError} `INVALID_ARGUMENT` for anything else (NaN, Infinity, lone surrogates, objects)
 *
 * @example
 * ```ts
 * import { clickhouseLiteral } from 'crmkit/core';
 * [clickhouseLiteral("O'Brien"), clickhouseLiteral(2.5), clickhouseLiteral(7n), clickhouseLiteral(true)];
 * //=> ["'O\\x27Brien'", "toFloat64('2\\x2E5')", '7', '1']
 * ```
 */
export function clickhouseLiteral(value: string | number | bigint | boolean): string {
  switch (typeof value) {
    case 'string':
      return stringLiteral(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'value', rule: 'expected a finite number' } });
      return `toFloat64(${stringLiteral(String(value))})`;
    case 'bigint':
      return value.toString(10);
    case 'boolean':
      return value ? '1' : '0';
    default:
      throw new CrmError('INVALID_ARGUMENT', { params: { field: 'value', rule: 'must be a string, number, bigint or boolean' } });
  }
}
