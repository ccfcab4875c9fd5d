import { z } from 'zod';
import { assert } from './errors';
import { CustomerInputSchema, CustomerSchema } from './customer';
import { InteractionSchema } from './interaction';
import { TransactionSchema } from './transaction';

const SCHEMAS = {
  Customer: CustomerSchema,
  CustomerInput: CustomerInputSchema,
  Transaction: TransactionSchema,
  Interaction: InteractionSchema,
} as const;

/**
 * JSON Schema (draft 2020-12) for one of the model's entities, as accepted on input (dates as
 * ISO strings, money as `{ amount, currency }`), for adopters' API definitions.
 *
 * @param name - `Customer`, `CustomerInput`, `Transaction` or `Interaction`
 * @returns a JSON Schema object (a fresh one on every call)
 * @throws {CrmError} `INVALID_ARGUMENT` for any other name
 *
 * @example
 * ```ts
 * import { customerJsonSchema } from 'crmkit/customer';
 * const schema = customerJsonSchema('Customer');
 * [schema.$ref, Object.keys(schema.$defs as object)];
 * //=> ['#/$defs/Customer', ['Customer']]
 * ```
 */
export function customerJsonSchema(name: keyof typeof SCHEMAS): Record<string, unknown> {
  assert(typeof name === 'string' && Object.hasOwn(SCHEMAS, name), 'INVALID_ARGUMENT', { params: { field: 'name', rule: 'must be Customer, CustomerInput, Transaction or Interaction' } });
  return z.toJSONSchema(SCHEMAS[name], { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
