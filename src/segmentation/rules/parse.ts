import { CrmError } from '../errors';
import type { ErrorCode } from '../../core/errors/codes';
import { startsWithCalendarDay } from '../../core/time/calendarDay';
import { isTimeInRange } from '../../core/time/range';
import { normalizeTag } from '../../validation/normalize/text';
import { type AttributeTypes, type FieldDef, resolveField } from './fields';
import { DURATION_UNITS, MAX_RULE_DEPTH, MAX_RULE_NODES, SEGMENT_OPERATORS, type SegmentOperator, type SegmentRule } from './schema';

/** A value after parsing: dates are epoch milliseconds; tags are normalised. */
export type Scalar = string | number | boolean;
export type ParsedValue = undefined | Scalar | readonly Scalar[] | { readonly amount: number; readonly unit: (typeof DURATION_UNITS)[number] };

/** The checked, normalised rule tree that compile and toSql walk. */
export type RuleNode =
  | { readonly kind: 'all' | 'any'; readonly children: readonly RuleNode[] }
  | { readonly kind: 'not'; readonly child: RuleNode }
  | { readonly kind: 'cond'; readonly field: FieldDef; readonly op: SegmentOperator; readonly value: ParsedValue };

/**
 * Options for {@link parseSegmentRule} (and the functions that parse rules).
 *
 * @example
 * ```ts
 * const options: ParseSegmentRuleOptions = { attributes: { vipLevel: 'number' } };
 * ```
 */
export interface ParseSegmentRuleOptions {
  /** Custom attributes rules may use, by key and type. Default: none. */
  readonly attributes?: AttributeTypes;
}

type Path = readonly (string | number)[];

function fail(code: ErrorCode, path: Path, params: Record<string, string | number>): never {
  const where = path.join('.');
  throw new CrmError(code, { params: { ...(where !== '' && { path: where }), ...params }, details: { path } });
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const GROUP_KEYS = ['all', 'any', 'not'] as const;

/** Depth and size checked iteratively, before any recursion, so hostile nesting cannot overflow the stack. */
function checkShape(input: unknown): void {
  const stack: { node: unknown; depth: number }[] = [{ node: input, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (++nodes > MAX_RULE_NODES) fail('INVALID_RULE', [], { rule: `more than ${MAX_RULE_NODES} nodes` });
    if (!isObject(node)) continue;
    const children = Array.isArray(node.all) ? node.all : Array.isArray(node.any) ? node.any : 'not' in node ? [node.not] : undefined;
    if (children === undefined) continue;
    if (depth + 1 > MAX_RULE_DEPTH) throw new CrmError('RULE_TOO_DEEP', { params: { max: MAX_RULE_DEPTH } });
    if (children.length > MAX_RULE_NODES) fail('INVALID_RULE', [], { rule: `more than ${MAX_RULE_NODES} nodes` });
    for (const child of children) stack.push({ node: child, depth: depth + 1 });
  }
}

const UNPAIRED_SURROGATE = /\p{Cs}/u;

function parseString(v: unknown, path: Path): string {
  if (typeof v !== 'string' || v.length > 4096) fail('INVALID_RULE', path, { rule: 'expected a string of at most 4096 characters' });
  // PostgreSQL text cannot hold NUL or lone surrogates; refusing them keeps memory and SQL in agreement.
  if (v.includes('\u0000') || UNPAIRED_SURROGATE.test(v)) fail('INVALID_RULE', path, { rule: 'string contains NUL or an unpaired surrogate' });
  return v;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** An ISO 8601 string whose calendar date exists: `Date.parse` rolls `2026-02-30` over to 2 March. */
function isCalendarDate(v: string): boolean {
  return ISO_DATE_TIME.test(v) && startsWithCalendarDay(v);
}

function parseScalar(v: unknown, type: FieldDef['type'], path: Path): Scalar {
  switch (type) {
    case 'string':
      return parseString(v, path);
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) fail('INVALID_RULE', path, { rule: 'expected a finite number' });
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') fail('INVALID_RULE', path, { rule: 'expected true or false' });
      return v;
    case 'date': {
      const ms = v instanceof Date ? v.getTime() : typeof v === 'string' && isCalendarDate(v) ? Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v) : Number.NaN;
      // Years 0001-9999 only: PostgreSQL and ISO 8601 refuse the rest, and memory must agree with SQL.
      if (!isTimeInRange(ms)) fail('INVALID_RULE', path, { rule: 'expected a Date or an ISO 8601 date-time with offset' });
      return ms;
    }
    default:
      return fail('INVALID_RULE', path, { rule: 'tags take hasTag, hasAnyTag or exists' });
  }
}

function parseList(v: unknown, path: Path, item: (x: unknown, p: Path) => Scalar): Scalar[] {
  if (!Array.isArray(v) || v.length > 1000) fail('INVALID_RULE', path, { rule: 'expected a list of at most 1000 values' });
  // Array.from visits holes (as undefined) where map would skip them and keep the list sparse.
  return Array.from(v, (x, i) => item(x, [...path, i]));
}

function parseTag(v: unknown, path: Path): string {
  const tag = normalizeTag(parseString(v, path));
  if (tag === '') fail('INVALID_RULE', path, { rule: 'tag is empty after normalisation' });
  return tag;
}

function parseValue(op: SegmentOperator, field: FieldDef, value: unknown, path: Path): ParsedValue {
  const at = [...path, 'value'];
  switch (op) {
    case 'exists':
      if (value !== undefined) fail('INVALID_RULE', at, { rule: 'exists takes no value' });
      return undefined;
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) fail('INVALID_RULE', at, { rule: 'between takes [low, high]' });
      const lo = parseScalar(value[0], field.type, [...at, 0]) as number;
      const hi = parseScalar(value[1], field.type, [...at, 1]) as number;
      if (lo > hi) fail('INVALID_RULE', at, { rule: 'low must not exceed high' });
      return [lo, hi];
    }
    case 'in':
    case 'notIn':
      return parseList(value, at, (x, p) => parseScalar(x, field.type, p));
    case 'hasTag':
      return parseTag(value, at);
    case 'hasAnyTag':
      return parseList(value, at, parseTag);
    case 'withinLast': {
      const ok = isObject(value) && Object.keys(value).every((k) => k === 'amount' || k === 'unit');
      const amount = ok ? value.amount : undefined;
      const unit = ok ? value.unit : undefined;
      if (!ok || typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > 100_000 || !DURATION_UNITS.includes(unit as never)) {
        fail('INVALID_RULE', at, { rule: `withinLast takes { amount: 1..100000, unit: ${DURATION_UNITS.join('|')} }` });
      }
      return { amount, unit: unit as (typeof DURATION_UNITS)[number] };
    }
    case 'contains':
    case 'startsWith':
      return parseString(value, at);
    default:
      return parseScalar(value, field.type, at);
  }
}

function resolve(input: unknown, path: Path, options: ParseSegmentRuleOptions): RuleNode {
  if (!isObject(input)) fail('INVALID_RULE', path, { rule: 'expected a group or a condition object' });
  const keys = Object.keys(input);
  const group = GROUP_KEYS.filter((k) => k in input);
  if (group.length > 0) {
    if (keys.length !== 1 || group.length !== 1) fail('INVALID_RULE', path, { rule: 'a group has exactly one of all, any or not' });
    const kind = group[0] as (typeof GROUP_KEYS)[number];
    if (kind === 'not') return { kind, child: resolve(input.not, [...path, 'not'], options) };
    const list = input[kind];
    if (!Array.isArray(list)) fail('INVALID_RULE', [...path, kind], { rule: `${kind} takes a list of rules` });
    return { kind, children: Array.from(list as unknown[], (child, i) => resolve(child, [...path, kind, i], options)) };
  }
  const extra = keys.find((k) => k !== 'field' && k !== 'op' && k !== 'value');
  if (extra !== undefined) fail('INVALID_RULE', path, { rule: 'a condition has only field, op and value' });
  if (typeof input.field !== 'string') fail('INVALID_RULE', path, { rule: 'field must be a string' });
  const field = resolveField(input.field, options.attributes);
  if (field === undefined) fail('UNKNOWN_FIELD', [...path, 'field'], { field: String(input.field).slice(0, 64) });
  const op = input.op;
  if (typeof op !== 'string' || !Object.hasOwn(SEGMENT_OPERATORS, op)) fail('UNKNOWN_OPERATOR', [...path, 'op'], { op: String(op).slice(0, 64) });
  const types = SEGMENT_OPERATORS[op as SegmentOperator] as readonly string[];
  if (!types.includes(field.type)) fail('INVALID_RULE', [...path, 'op'], { rule: `${op} does not apply to ${field.type} field ${field.name}` });
  return { kind: 'cond', field, op: op as SegmentOperator, value: parseValue(op as SegmentOperator, field, input.value, path) };
}

/** Checks and normalises a rule into the tree compile and toSql walk. */
export function resolveRule(input: unknown, options: ParseSegmentRuleOptions = {}): RuleNode {
  checkShape(input);
  return resolve(input, [], options ?? {});
}

function toJson(node: RuleNode): SegmentRule {
  switch (node.kind) {
    case 'all':
      return { all: node.children.map(toJson) };
    case 'any':
      return { any: node.children.map(toJson) };
    case 'not':
      return { not: toJson(node.child) };
    default: {
      const { field, op } = node;
      const iso = (v: unknown) => (field.type === 'date' && typeof v === 'number' ? new Date(v).toISOString() : v);
      const value = Array.isArray(node.value) ? node.value.map(iso) : iso(node.value);
      return (value === undefined ? { field: field.name, op } : { field: field.name, op, value }) as SegmentRule;
    }
  }
}

/**
 * Checks a segment rule from any source (JSON from a UI, a database, a file) and returns it
 * normalised: dates as ISO 8601 UTC strings, tags normalised like customer tags. Every problem is
 * found here, before evaluation: unknown fields, unknown operators, operators that do not suit the
 * field's type, malformed values, and nesting deeper than {@link MAX_RULE_DEPTH} (checked without
 * recursion). Errors name the rule path (`all.1.not.field`), never the values.
 *
 * @param input - the rule, as parsed JSON or objects
 * @param options - {@link ParseSegmentRuleOptions}: `attributes` declares custom attribute fields
 * @returns the normalised rule
 * @throws {CrmError} `INVALID_RULE`, `UNKNOWN_FIELD`, `UNKNOWN_OPERATOR` (with `params.path` and
 *   `details.path`) or `RULE_TOO_DEEP`; `INVALID_RULE` also for lists with holes, dates that do not
 *   exist (`2026-02-30`) and dates outside years 0001-9999
 *
 * @example
 * ```ts
 * import { parseSegmentRule } from 'crmkit/segmentation';
 * parseSegmentRule({ all: [{ field: 'tags', op: 'hasTag', value: ' VIP ' }, { field: 'createdAt', op: 'after', value: '2026-01-01' }] });
 * //=> { all: [{ field: 'tags', op: 'hasTag', value: 'vip' }, { field: 'createdAt', op: 'after', value: '2026-01-01T00:00:00.000Z' }] }
 * const message = (() => {
 *   try {
 *     parseSegmentRule({ any: [{ field: 'shoeSize', op: 'eq', value: 42 }] });
 *   } catch (e) {
 *     return (e as Error).message;
 *   }
 * })();
 * message;
 * //=> 'segment rule at any.0.field: unknown field shoeSize'
 * ```
 */
export function parseSegmentRule(input: unknown, options: ParseSegmentRuleOptions = {}): SegmentRule {
  return toJson(resolveRule(input, options));
}
