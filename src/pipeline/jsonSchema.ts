import { z } from 'zod';
import { CrmError } from './errors';
import { OpportunityInputSchema, OpportunitySchema } from './opportunity';

const SCHEMAS = {
  Opportunity: OpportunitySchema,
  OpportunityInput: OpportunityInputSchema,
} as const;

/**
 * JSON Schema (draft 2020-12) for the opportunity model, as accepted on input (dates as ISO
 * strings, money as `{ amount, currency }`), for adopters' API definitions.
 *
 * @param name - `Opportunity` or `OpportunityInput`
 * @returns a JSON Schema object
 *
 * @example
 * ```ts
 * import { opportunityJsonSchema } from 'crmkit/pipeline';
 * const schema = opportunityJsonSchema('Opportunity');
 * [schema.$ref, Object.keys(schema.$defs as object)];
 * //=> ['#/$defs/Opportunity', ['Opportunity', 'Money']]
 * ```
 */
export function opportunityJsonSchema(name: keyof typeof SCHEMAS): Record<string, unknown> {
  if (typeof name !== 'string' || !Object.hasOwn(SCHEMAS, name)) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'name', rule: 'must be Opportunity or OpportunityInput' } });
  }
  return z.toJSONSchema(SCHEMAS[name], { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
