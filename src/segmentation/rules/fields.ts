import { CONSENT_CHANNELS, type Customer } from '../../customer/customer';

/**
 * The type of a rule field, which decides the operators it accepts and its PostgreSQL column type:
 * `string` (text), `number` (double precision, or any numeric type), `date` (timestamptz),
 * `boolean` (boolean) and `tags` (text[]).
 *
 * @example
 * ```ts
 * const t: SegmentFieldType = 'number';
 * ```
 */
export type SegmentFieldType = 'string' | 'number' | 'date' | 'boolean' | 'tags';

/**
 * Computed per-customer metrics that rules can use beside the customer record (fields `rfm.r`,
 * `rfm.f`, `rfm.m`, `rfm.segment`, `lifetimeSpendMinor`, `purchaseCount`, `recencyDays`,
 * `lastPurchaseAt`). Money is in integer minor units (fen, cents), so comparisons are exact.
 *
 * @example
 * ```ts
 * const m: CustomerMetrics = {
 *   rfm: { r: 5, f: 4, m: 4 }, rfmSegment: 'champions', lifetimeSpendMinor: 1_250_000,
 *   purchaseCount: 12, recencyDays: 3, lastPurchaseAt: new Date('2026-02-26T00:00:00Z'),
 * };
 * ```
 */
export interface CustomerMetrics {
  readonly rfm?: { readonly r: number; readonly f: number; readonly m: number };
  readonly rfmSegment?: string;
  readonly lifetimeSpendMinor?: number;
  readonly purchaseCount?: number;
  readonly recencyDays?: number | null;
  readonly lastPurchaseAt?: Date | null;
}

/**
 * The customer fields rules read. A full {@link Customer} fits; so does any object with some of
 * these fields (absent fields are "missing": conditions on them are false).
 *
 * @example
 * ```ts
 * const c: SegmentCustomer = { id: 'c-1', tags: ['vip'], attributes: { region: '华东' } };
 * ```
 */
export type SegmentCustomer = Partial<
  Pick<
    Customer,
    'id' | 'kind' | 'displayName' | 'lifecycleStage' | 'ownerId' | 'teamId' | 'source' | 'acquisitionChannel' | 'createdAt' | 'updatedAt' | 'tags' | 'attributes' | 'consent'
  >
>;

/**
 * Types of the custom attributes rules may use, by attribute key (`attributes.<key>` in a rule).
 * Attributes not declared here are unknown fields. At evaluation, a value of another type is
 * treated as missing.
 *
 * @example
 * ```ts
 * const attrs: AttributeTypes = { vipLevel: 'number', region: 'string', wholesale: 'boolean' };
 * ```
 */
export type AttributeTypes = Readonly<Record<string, 'string' | 'number' | 'boolean'>>;

/** Reads a field, normalised: strings, finite-or-infinite numbers, dates as epoch ms, booleans, string arrays; undefined when missing. */
export type FieldGetter = (customer: SegmentCustomer, metrics: CustomerMetrics | undefined) => unknown;

/** A resolved field: its name, type and reader. */
export interface FieldDef {
  readonly name: string;
  readonly type: SegmentFieldType;
  readonly get: FieldGetter;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && v === v ? v : undefined);
const date = (v: unknown) => {
  if (!(v instanceof Date)) return undefined;
  const t = v.getTime();
  return t === t ? t : undefined;
};
const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
const READ = { string: str, number: num, date, boolean: bool } as const;

const BUILT_IN: Record<string, FieldDef> = /* @__PURE__ */ Object.create(null);
const def = (name: string, type: SegmentFieldType, get: FieldGetter) => {
  BUILT_IN[name] = { name, type, get };
};
for (const key of ['id', 'kind', 'displayName', 'lifecycleStage', 'ownerId', 'teamId', 'source', 'acquisitionChannel'] as const) {
  def(key, 'string', (c) => str(c[key]));
}
def('createdAt', 'date', (c) => date(c.createdAt));
def('updatedAt', 'date', (c) => date(c.updatedAt));
def('tags', 'tags', (c) => (Array.isArray(c.tags) ? c.tags : undefined));
for (const ch of CONSENT_CHANNELS) def(`consent.${ch}`, 'boolean', (c) => bool(c.consent?.[ch]?.granted));
def('rfm.r', 'number', (_c, m) => num(m?.rfm?.r));
def('rfm.f', 'number', (_c, m) => num(m?.rfm?.f));
def('rfm.m', 'number', (_c, m) => num(m?.rfm?.m));
def('rfm.segment', 'string', (_c, m) => str(m?.rfmSegment));
def('lifetimeSpendMinor', 'number', (_c, m) => num(m?.lifetimeSpendMinor));
def('purchaseCount', 'number', (_c, m) => num(m?.purchaseCount));
def('recencyDays', 'number', (_c, m) => num(m?.recencyDays));
def('lastPurchaseAt', 'date', (_c, m) => date(m?.lastPurchaseAt));

/**
 * The built-in rule fields and their types: customer fields, consent per channel
 * (`consent.sms`, ...), and computed metrics (see {@link CustomerMetrics}). Custom attributes are
 * added per call as `attributes.<key>` (see {@link AttributeTypes}).
 *
 * @example
 * ```ts
 * import { SEGMENT_FIELDS } from 'crmkit/segmentation';
 * SEGMENT_FIELDS.lifetimeSpendMinor;
 * //=> 'number'
 * SEGMENT_FIELDS.tags;
 * //=> 'tags'
 * ```
 */
export const SEGMENT_FIELDS: Readonly<Record<string, SegmentFieldType>> = /* @__PURE__ */ (() => Object.freeze(
  Object.fromEntries(Object.values(BUILT_IN).map((f) => [f.name, f.type])),
))();

/** The field named `name`, or undefined when it is neither built in nor a declared attribute. */
export function resolveField(name: string, attributes: AttributeTypes | undefined): FieldDef | undefined {
  const builtIn = BUILT_IN[name];
  if (builtIn !== undefined) return builtIn;
  if (!name.startsWith('attributes.') || attributes === undefined) return undefined;
  const key = name.slice('attributes.'.length);
  if (!Object.hasOwn(attributes, key)) return undefined;
  const type = attributes[key];
  if (type !== 'string' && type !== 'number' && type !== 'boolean') return undefined;
  const read = READ[type];
  return { name, type, get: (c) => (c.attributes !== undefined && Object.hasOwn(c.attributes, key) ? read(c.attributes[key]) : undefined) };
}
