// Random segment rules for the differential tests (memory vs SQL engines, memory vs the reference
// backend): every field, every operator that suits its kind, values from the caller's pools.
import fc from 'fast-check';

export type FieldKind = 'string' | 'number' | 'date' | 'boolean' | 'tags';

/** The operators a rule may apply to a field of each kind. */
export const OPERATORS_BY_KIND: Readonly<Record<FieldKind, readonly string[]>> = {
  string: ['eq', 'neq', 'in', 'notIn', 'contains', 'startsWith', 'exists'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'notIn', 'exists'],
  date: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'before', 'after', 'withinLast', 'exists'],
  boolean: ['eq', 'neq', 'exists'],
  tags: ['hasTag', 'hasAnyTag', 'exists'],
};

/** Where a generated rule takes its values from. */
export interface RulePools {
  /** A single value for a field of this kind (not used for `tags`). */
  readonly scalar: (kind: FieldKind) => fc.Arbitrary<unknown>;
  /** Values for `hasTag`. */
  readonly hasTag: readonly string[];
  /** Values for the lists of `hasAnyTag`. */
  readonly hasAnyTag: readonly string[];
  /** The largest `withinLast` amount. */
  readonly maxWithinLast: number;
  /** The most children of an `all` / `any` group. */
  readonly maxChildren: number;
}

/** A value for `op` on a field of `kind` (undefined for `exists`). */
export function ruleValueArbitrary(pools: RulePools, kind: FieldKind, op: string): fc.Arbitrary<unknown> {
  const scalar = pools.scalar;
  switch (op) {
    case 'exists':
      return fc.constant(undefined);
    case 'between':
      return fc.tuple(scalar(kind), scalar(kind)).map(([x, y]) => (kind === 'date' ? [x, y].sort() : [x, y].sort((p, q) => (p as number) - (q as number))));
    case 'in':
    case 'notIn':
      return fc.array(scalar(kind), { maxLength: 4 });
    case 'hasTag':
      return fc.constantFrom(...pools.hasTag);
    case 'hasAnyTag':
      return fc.array(fc.constantFrom(...pools.hasAnyTag), { maxLength: 3 });
    case 'withinLast':
      return fc.record({ amount: fc.integer({ min: 1, max: pools.maxWithinLast }), unit: fc.constantFrom('hours', 'days', 'weeks', 'months') });
    default:
      return scalar(kind);
  }
}

/** Rules nesting `all`, `any` and `not` over conditions on `fields`. */
export function ruleArbitrary(fields: Readonly<Record<string, FieldKind>>, pools: RulePools): fc.Arbitrary<unknown> {
  const condition = fc.constantFrom(...Object.keys(fields)).chain((field) => {
    const kind = fields[field] as FieldKind;
    return fc.constantFrom(...OPERATORS_BY_KIND[kind]).chain((op) => ruleValueArbitrary(pools, kind, op).map((value) => (value === undefined ? { field, op } : { field, op, value })));
  });
  return fc.letrec<{ rule: unknown }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      condition,
      fc.record({ all: fc.array(tie('rule'), { maxLength: pools.maxChildren }) }),
      fc.record({ any: fc.array(tie('rule'), { maxLength: pools.maxChildren }) }),
      fc.record({ not: tie('rule') }),
    ),
  })).rule;
}
