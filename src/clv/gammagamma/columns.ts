import { CrmError } from '../errors';
import type { SpendColumns, SpendRow } from './model';

function read(data: SpendColumns | readonly SpendRow[], keepNonRepeat: boolean) {
  const fast = fastColumns(data, keepNonRepeat);
  if (fast) return fast;
  const rows = Array.isArray(data) ? (data as readonly SpendRow[]) : undefined;
  const cols = data as SpendColumns;
  const n = rows ? rows.length : cols?.frequency?.length;
  if (typeof n !== 'number') throw new CrmError('INVALID_ARGUMENT', { params: { field: 'data', rule: 'expected rows or columns' } });
  if (!rows && (cols.monetaryValue?.length !== n || (cols.count && cols.count.length !== n))) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'data', rule: 'columns must have the same length' } });
  }
  const x = new Float64Array(n);
  const m = new Float64Array(n);
  const w = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const xi = rows ? rows[i]?.frequency : cols.frequency[i];
    const mi = rows ? rows[i]?.monetaryValue : cols.monetaryValue[i];
    const wi = rows ? (rows[i]?.count ?? 1) : cols.count ? cols.count[i] : 1;
    if (typeof xi !== 'number' || !Number.isInteger(xi) || xi < 0) {
      throw new CrmError('INVALID_ARGUMENT', { params: { field: `frequency[${i}]`, rule: 'must be a non-negative integer' }, details: { index: i } });
    }
    if (xi > 0 && (typeof mi !== 'number' || !(mi > 0) || !Number.isFinite(mi))) {
      throw new CrmError('INVALID_ARGUMENT', { params: { field: `monetaryValue[${i}]`, rule: 'must be positive for repeat buyers' }, details: { index: i } });
    }
    if (typeof wi !== 'number' || !(wi >= 0) || !Number.isFinite(wi)) {
      throw new CrmError('INVALID_ARGUMENT', { params: { field: `count[${i}]`, rule: 'must be a non-negative number' }, details: { index: i } });
    }
    if (xi === 0 && !keepNonRepeat) continue;
    x[k] = xi;
    m[k] = xi === 0 ? 0 : (mi as number);
    w[k] = wi;
    k++;
  }
  return { x: x.subarray(0, k), m: m.subarray(0, k), w: w.subarray(0, k) };
}

/** Repeat buyers only (x > 0), validated, as Float64Arrays (internal; for the fit). */
export function spendColumns(data: SpendColumns | readonly SpendRow[]) {
  return read(data, false);
}

/** Every customer, validated, as Float64Arrays (internal; for scoring). */
export function spendColumnsAll(data: SpendColumns | readonly SpendRow[]) {
  return read(data, true);
}

/** Float64Array columns without counts, all valid: used as they are (internal fast path). */
function fastColumns(data: SpendColumns | readonly SpendRow[], keepNonRepeat: boolean) {
  if (!keepNonRepeat || Array.isArray(data)) return undefined;
  const { frequency: x, monetaryValue: m, count } = data as SpendColumns;
  if (!(x instanceof Float64Array) || !(m instanceof Float64Array) || count !== undefined || x.length !== m.length) return undefined;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const mi = m[i] as number;
    if (!(xi >= 0 && Math.floor(xi) === xi && (xi === 0 || (mi > 0 && mi < Infinity)))) return undefined;
  }
  return { x, m, w: new Float64Array(x.length).fill(1) };
}
