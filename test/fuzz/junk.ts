// Junk arguments for the export fuzz: a plain-data description (a "spec", printable in a failure
// report) and `materialize`, which turns it into the hostile value (Invalid Dates, sparse arrays,
// throwing getters, cyclic objects, Proxies). Type-shaped junk comes from a vocabulary of the option
// and field names crmkit functions read, so calls get past the first `typeof` check.
import fc from 'fast-check';
import { Money } from '../../src/core/money/Money';

/** Thrown by the throwing getters and Proxies of the fuzz: the caller's own error, which may pass through. */
export class HostileInputError extends Error {
  constructor() {
    super('hostile getter');
    this.name = 'HostileInputError';
  }
}

export type Spec =
  | { readonly t: 'num'; readonly v: string }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'date'; readonly v: string }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'null' | 'undefined' | 'bigint' | 'fn' | 'money' | 'proxy' }
  | { readonly t: 'arr'; readonly items: readonly Spec[]; readonly holes: boolean }
  | { readonly t: 'obj'; readonly entries: readonly (readonly [string, Spec])[]; readonly throwing?: string; readonly cyclic: boolean };

const NUMBERS: Record<string, number> = {
  NaN: Number.NaN,
  Inf: Infinity,
  '-Inf': -Infinity,
  '-1': -1,
  '0': 0,
  '-0': -0,
  '1': 1,
  '1.5': 1.5,
  '2': 2,
  '3': 3,
  '12': 12,
  '1e9': 1e9,
  '1e12': 1e12,
  '2^53': 2 ** 53,
  '1e308': 1e308,
  '5e-324': 5e-324,
};
const NON_FINITE = new Set(['NaN', 'Inf', '-Inf']);

const DATES: Record<string, number> = {
  valid: Date.UTC(2026, 0, 1),
  later: Date.UTC(2026, 5, 15, 12),
  invalid: Number.NaN,
  max: 8.64e15,
  min: -8.64e15,
  year0: Date.parse('0000-06-01T00:00:00Z'),
  year10000: Date.parse('+010000-01-01T00:00:00Z'),
};
const BAD_DATES = new Set(['invalid', 'max', 'min', 'year0', 'year10000']);

const STRINGS = [
  '', ' ', 'a', 'c-1', '__proto__', 'constructor', 'prototype', 'NaN', '2026-02-30', '0000-06-01', '2026-01-01', '2026-01-01T00:00:00Z',
  '\u0000', '\uD800', 'CNY', 'USD', 'XXX', '1.5', '-1', 'half-up', 'month', 'week', 'day', 'nps', 'csat5', 'text', 'bgnbd', 'paretonbd',
  'gammagamma', 'bgbb', 'earn', 'redeem', 'reverse', 'person', 'organization', 'phone', 'email', 'sms', 'zh-CN', 'en', 'all', 'any',
  'tags', 'createdAt', 'eq', 'withinLast', 'hasTag', 'purchase', 'prospect', 'customer', 'rolling', '13800138000', 'x'.repeat(5000),
];

/** Keys crmkit functions read from their options and entities. */
const KEYS = [
  'now', 'asOf', 'since', 'at', 'from', 'to', 'horizon', 'period', 'periods', 'futurePeriods', 'count', 'limit', 'seed', 'currency',
  'amount', 'rate', 'points', 'tiers', 'id', 'kind', 'displayName', 'customerId', 'occurredAt', 'expiresAt', 'type', 'field', 'op',
  'value', 'all', 'any', 'not', 'scale', 'questions', 'answers', 'model', 'params', 'frequency', 'recency', 'T', 'monetaryValue',
  'locale', 'table', 'columns', 'minutes', 'utcOffsetMinutes', 'version', 'createdAt', 'updatedAt', 'contactPoints', 'tags',
  'attributes', 'consent', 'entries', 'segment', 'treatment', 'stages', 'transitions', 'initial', 'rules', 'weights', 'threshold',
  'margin', 'discountRate', 'lifespanYears', 'penalizer', 'maxIterations', 'survivorship', 'records', 'rows', 'data', 'responses',
  'surveyId', 'answeredAt', 'channel', 'earning', 'spend', 'qualification', 'downgrade', 'expiry', 'cursor', 'signal', 'onProgress',
  '__proto__', 'constructor', 'prototype',
];

const leaf: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Object.keys(NUMBERS)).map((v): Spec => ({ t: 'num', v })) },
  { weight: 4, arbitrary: fc.constantFrom(...STRINGS).map((v): Spec => ({ t: 'str', v })) },
  { weight: 3, arbitrary: fc.constantFrom(...Object.keys(DATES)).map((v): Spec => ({ t: 'date', v })) },
  { weight: 1, arbitrary: fc.boolean().map((v): Spec => ({ t: 'bool', v })) },
  { weight: 2, arbitrary: fc.constantFrom('null', 'undefined', 'bigint', 'fn', 'money', 'proxy').map((t) => ({ t }) as Spec) },
);

/** A spec tree: leaves, arrays (maybe with holes) and objects (maybe cyclic, maybe with a throwing getter). */
export const specArb: fc.Arbitrary<Spec> = fc.letrec<{ spec: Spec }>((tie) => ({
  spec: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: leaf },
    {
      weight: 2,
      arbitrary: fc.record({ items: fc.array(tie('spec'), { maxLength: 4 }), holes: fc.boolean() }).map((r): Spec => ({ t: 'arr', ...r })),
    },
    {
      weight: 3,
      arbitrary: fc
        .record({
          entries: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('spec')), { maxLength: 5 }),
          throwing: fc.option(fc.constantFrom(...KEYS), { nil: undefined, freq: 6 }),
          cyclic: fc.boolean(),
        })
        .map((r): Spec => ({ t: 'obj', entries: r.entries, cyclic: r.cyclic, ...(r.throwing !== undefined && { throwing: r.throwing }) })),
    },
  ),
})).spec;

/** Argument lists of 0 to `arity + 1` specs. */
export const argsArb = (arity: number): fc.Arbitrary<Spec[]> => fc.array(specArb, { minLength: Math.min(arity, 1), maxLength: arity + 1 });

/** Whether a spec holds only finite numbers and valid dates (the outputs must then hold no NaN and no Invalid Date). */
export function isFiniteSpec(s: Spec): boolean {
  switch (s.t) {
    case 'num':
      return !NON_FINITE.has(s.v) && s.v !== '1e308';
    case 'date':
      return !BAD_DATES.has(s.v);
    case 'arr':
      return s.items.every(isFiniteSpec);
    case 'obj':
      return s.entries.every(([, v]) => isFiniteSpec(v));
    default:
      return true;
  }
}

const hostileProxy = (): object =>
  new Proxy(
    {},
    {
      get() {
        throw new HostileInputError();
      },
      has() {
        throw new HostileInputError();
      },
      ownKeys() {
        throw new HostileInputError();
      },
      getOwnPropertyDescriptor() {
        throw new HostileInputError();
      },
      getPrototypeOf() {
        throw new HostileInputError();
      },
    },
  );

/** Builds the value a spec describes; every call builds fresh objects. */
export function materialize(s: Spec): unknown {
  switch (s.t) {
    case 'num':
      return NUMBERS[s.v];
    case 'str':
      return s.v;
    case 'date':
      return new Date(DATES[s.v] as number);
    case 'bool':
      return s.v;
    case 'null':
      return null;
    case 'undefined':
      return undefined;
    case 'bigint':
      return 10n ** 30n;
    case 'fn':
      return () => undefined;
    case 'money':
      return Money.of('12.34', 'CNY');
    case 'proxy':
      return hostileProxy();
    case 'arr': {
      const list = s.items.map(materialize);
      if (!s.holes) return list;
      const sparse = new Array(list.length * 2 + 1);
      list.forEach((v, i) => (sparse[i * 2 + 1] = v));
      return sparse;
    }
    case 'obj': {
      const o: Record<string, unknown> = {};
      // defineProperty, so `__proto__` and `constructor` become own keys as JSON.parse would make them.
      for (const [k, v] of s.entries) Object.defineProperty(o, k, { value: materialize(v), enumerable: true, writable: true, configurable: true });
      if (s.throwing !== undefined) {
        Object.defineProperty(o, s.throwing, {
          enumerable: true,
          configurable: true,
          get() {
            throw new HostileInputError();
          },
        });
      }
      if (s.cyclic) o.self = o;
      return o;
    }
  }
}
