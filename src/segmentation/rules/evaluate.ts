import { CrmError } from '../errors';
import { compileSegment, type CompileSegmentOptions } from './compile';
import type { CustomerMetrics, SegmentCustomer } from './fields';

/**
 * Options for {@link evaluateSegment}.
 *
 * @example
 * ```ts
 * const options: EvaluateSegmentOptions = {
 *   asOf: new Date('2026-03-01T00:00:00Z'),
 *   metrics: new Map([['c-1', { rfm: { r: 5, f: 5, m: 5 } }]]),
 * };
 * ```
 */
export interface EvaluateSegmentOptions extends CompileSegmentOptions {
  /** Computed metrics by customer id (a Map or a plain record). Default: none (metric fields are missing). */
  readonly metrics?: ReadonlyMap<string, CustomerMetrics> | Readonly<Record<string, CustomerMetrics>>;
}

/**
 * The customers a segment rule selects, in input order. Compiles the rule once
 * ({@link compileSegment}) and tests each customer with its metrics, looked up by `customer.id`.
 *
 * @param rule - a segment rule
 * @param customers - customers to test
 * @param options - {@link EvaluateSegmentOptions}: `asOf`, `attributes`, `metrics`
 * @returns the members
 * @throws {CrmError} as {@link compileSegment}; `INVALID_ARGUMENT` when `customers` is not an
 *   iterable of objects
 *
 * @example
 * ```ts
 * import { evaluateSegment } from 'crmkit/segmentation';
 * const customers = [{ id: 'a', lifecycleStage: 'customer' }, { id: 'b', lifecycleStage: 'prospect' }, { id: 'c' }];
 * const champions = evaluateSegment(
 *   { all: [{ field: 'lifecycleStage', op: 'eq', value: 'customer' }, { field: 'rfm.segment', op: 'eq', value: 'champions' }] },
 *   customers,
 *   { metrics: { a: { rfmSegment: 'champions' }, b: { rfmSegment: 'champions' } } },
 * );
 * champions.map((c) => c.id);
 * //=> ['a']
 * ```
 */
export function evaluateSegment<C extends SegmentCustomer>(rule: unknown, customers: Iterable<C>, options: EvaluateSegmentOptions = {}): C[] {
  const test = compileSegment(rule, options);
  const metrics = options.metrics;
  const lookup: (id: string | undefined) => CustomerMetrics | undefined =
    metrics === undefined
      ? () => undefined
      : metrics instanceof Map
        ? (id) => (id === undefined ? undefined : (metrics as ReadonlyMap<string, CustomerMetrics>).get(id))
        : (id) => (id !== undefined && Object.hasOwn(metrics, id) ? (metrics as Record<string, CustomerMetrics>)[id] : undefined);
  if (customers === null || typeof customers !== 'object' || !(Symbol.iterator in customers)) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'customers', rule: 'must be an iterable of customers' } });
  }
  const out: C[] = [];
  let i = 0;
  for (const c of customers) {
    if (c === null || typeof c !== 'object') throw new CrmError('INVALID_ARGUMENT', { params: { field: `customers.${i}`, rule: 'must be a customer object' } });
    if (test(c, lookup(c.id))) out.push(c);
    i++;
  }
  return out;
}
