import { localizeWord, assert } from './errors';
import { type Locale, zodErrorMap } from '../core/locales';
import { requireDenseArray } from '../core/guards';
import { lazyFastParse } from '../core/zod/fastParse';
import { unreadableIssue } from '../validation/issue';
import { type Customer, type CustomerInput, CustomerInputSchema, CustomerSchema } from './customer';
import { type FieldCheckOptions, checkCustomerFields } from '../validation/fieldChecks';
import type { ValidationIssue } from '../validation/issue';
import { normalizeCustomer } from './normalizeCustomer';

/**
 * The parsed and normalised customer input a successful validation returns.
 *
 * @example
 * ```ts
 * const name = (c: ValidCustomerInput) => c.displayName;
 * ```
 */
export type ValidCustomerInput = ReturnType<typeof CustomerInputSchema.parse>;

/**
 * An adopter rule: given the parsed, normalised customer, report issues (with your own codes and
 * messages in the requested locale). Rules only run when the schema passed.
 *
 * @example
 * ```ts
 * const needsOwner: CustomerRule = (c, { locale }) =>
 *   c.ownerId ? [] : [{ path: ['ownerId'], code: 'owner_required', message: locale === 'zh-CN' ? 'ownerId：必须指定负责人' : 'ownerId: an owner is required' }];
 * ```
 */
export type CustomerRule = (customer: ValidCustomerInput, context: { readonly locale: Locale }) => readonly ValidationIssue[];

/**
 * Options for {@link validateCustomer}.
 *
 * @example
 * ```ts
 * const options: ValidateCustomerOptions = { locale: 'zh-CN', defaultRegion: 'CN' };
 * ```
 */
export interface ValidateCustomerOptions extends FieldCheckOptions {
  /** Extra rules run after the built-in ones. Default none. */
  readonly rules?: readonly CustomerRule[];
  /** Validate a stored {@link Customer} (with id, timestamps, version) instead of an input. Default false. */
  readonly stored?: boolean;
}

/**
 * The outcome of {@link validateCustomer}: `ok` with the normalised value, or every issue found.
 *
 * @example
 * ```ts
 * const report = (r: CustomerValidationResult) => (r.ok ? r.value.displayName : r.issues.length);
 * ```
 */
export type CustomerValidationResult =
  | { readonly ok: true; readonly value: ValidCustomerInput; readonly issues: readonly [] }
  | { readonly ok: false; readonly value?: undefined; readonly issues: readonly ValidationIssue[] };

const fastInput = /* @__PURE__ */ lazyFastParse(CustomerInputSchema);
const fastStored = /* @__PURE__ */ lazyFastParse(CustomerSchema);

/**
 * `CustomerSchema.parse` with the fast path in front (same output, same errors).
 *
 * @internal
 */
export function parseStoredCustomer(input: unknown): Customer {
  return fastStored(input)?.value ?? CustomerSchema.parse(input);
}

/** zod decides; the compiled fast path answers first for plain valid records (same output). */
function schemaIssues(input: unknown, options: ValidateCustomerOptions) {
  const fast = (options.stored ? fastStored : fastInput)(input);
  if (fast !== undefined) return { success: true as const, data: fast.value };
  const schema = options.stored ? CustomerSchema : CustomerInputSchema;
  return schema.safeParse(input, { error: zodErrorMap(options.locale ?? 'en') });
}

/**
 * Validates customer input and reports every issue at once: the schema's (types, lengths, required
 * fields, in zod's own `en`/`zh-CN` wording) and crmkit's field rules (phone, mainland mobile,
 * email, postal code, USCC, resident id, duplicate contact points), then adopter rules. Never
 * throws on bad input (an input whose getters throw is reported as an `unreadable` issue); messages
 * never contain the failing value.
 *
 * @param input - anything (typically parsed JSON)
 * @param options - locale (default `en`), default phone region (default `CN`), extra rules
 * @returns `{ ok: true, value }` with the normalised customer, or `{ ok: false, issues }`
 * @throws {CrmError} `INVALID_ARGUMENT` when `options.rules` is not a dense array of functions (a
 *   programming error, not bad input); an adopter rule's own error passes through
 *
 * @example
 * ```ts
 * import { validateCustomer } from 'crmkit/customer';
 * const r = validateCustomer(
 *   { kind: 'person', displayName: '张三', contactPoints: [{ type: 'phone', value: '12345678901' }] },
 *   { locale: 'zh-CN' },
 * );
 * r.ok;
 * //=> false
 * r.issues[0]?.message;
 * //=> 'contactPoints.0.value：不是有效的中国大陆手机号码'
 * ```
 */
export function validateCustomer(input: unknown, options: ValidateCustomerOptions = {}): CustomerValidationResult {
  options ??= {};
  const locale = options.locale ?? 'en';
  const rules = options.rules === undefined ? [] : requireDenseArray<CustomerRule>(options.rules, 'rules');
  assert(rules.every((r) => typeof r === 'function'), 'INVALID_ARGUMENT', { params: { field: 'rules', rule: 'must be functions' } });
  let parsed: ReturnType<typeof schemaIssues>;
  try {
    parsed = schemaIssues(input, options);
  } catch {
    // A getter or Proxy of the input threw while it was read: an issue of the input, not a crash.
    return { ok: false, issues: [unreadableIssue(locale)] };
  }
  if (!parsed.success) {
    // Custom messages written into the schemas (`must not be blank`) are translated like rule phrases.
    const issues: ValidationIssue[] = parsed.error.issues.map((i) => ({ path: i.path, code: i.code, message: localizeWord(i.message, locale) }));
    issues.push(...checkCustomerFields(input, options));
    return { ok: false, issues };
  }
  // Rules run on the normalised value: the same verdicts as on the raw input (every check
  // normalises first), but phones are already E.164 and take the fast path.
  const value = normalizeCustomer(parsed.data as CustomerInput & ValidCustomerInput, options) as ValidCustomerInput;
  const issues = checkCustomerFields(value, options);
  for (const rule of rules) issues.push(...rule(value, { locale }));
  return issues.length === 0 ? { ok: true, value, issues: [] } : { ok: false, issues };
}

/**
 * Narrowing helper for stored customers: validates with {@link CustomerSchema} and the field rules.
 *
 * @param input - anything
 * @param options - as for {@link validateCustomer}
 * @returns the result; `value` is a stored customer when ok
 *
 * @example
 * ```ts
 * import { validateStoredCustomer } from 'crmkit/customer';
 * validateStoredCustomer({ id: 'c-1' }).ok;
 * //=> false
 * ```
 */
export function validateStoredCustomer(
  input: unknown,
  options: Omit<ValidateCustomerOptions, 'stored'> = {},
): { ok: true; value: Customer; issues: readonly [] } | { ok: false; issues: readonly ValidationIssue[] } {
  const r = validateCustomer(input, { ...options, stored: true });
  return r.ok ? { ok: true, value: r.value as unknown as Customer, issues: [] } : r;
}
