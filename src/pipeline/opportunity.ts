import { z } from 'zod';
import { Money } from '../core/money/Money';
import { MoneySchema } from '../core/money/schema';
import { DateSchema } from '../core/time/schema';
import { nonBlankText } from '../customer/text';
import { lazySchema } from '../core/zod/lazySchema';

/** Whole minor units and not negative: what a deal's amount must be for exact figures. */
export function isDealAmount(m: Money): boolean {
  return !m.isNegative() && m.round('down').equals(m);
}

const AmountSchema = /* @__PURE__ */ lazySchema(() => MoneySchema.refine((m) => isDealAmount(m), {
  message: 'must not be negative nor have more digits than the currency minor unit',
}));

/**
 * One entry of an opportunity's stage history: the stage it entered, when, and why.
 *
 * @example
 * ```ts
 * import { StageHistoryEntrySchema } from 'crmkit/pipeline';
 * StageHistoryEntrySchema.parse({ stage: 'lead', at: '2026-01-05' }).at.toISOString();
 * //=> '2026-01-05T00:00:00.000Z'
 * ```
 */
export const StageHistoryEntrySchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  stage: nonBlankText(64),
  at: DateSchema,
  reason: z.string().max(512).optional(),
}));

// Built with the first of the two schemas that use them, not at module load (see lazySchema).
const buildOpportunityFields = () => ({
  id: nonBlankText(128),
  customerId: nonBlankText(128),
  ownerId: nonBlankText(128).describe('the salesperson who owns the deal'),
  name: nonBlankText(256),
  amount: AmountSchema,
  stage: nonBlankText(64),
  probability: z.number().min(0).max(1).optional().describe('overrides the stage default probability, 0 to 1'),
  expectedCloseDate: DateSchema,
  source: z.string().max(128).optional().describe('the channel the deal came from, e.g. referral, trade show'),
  lostReason: z.string().max(512).optional(),
});
let fields: ReturnType<typeof buildOpportunityFields> | undefined;
const opportunityFields = () => (fields ??= buildOpportunityFields());

/**
 * A stored opportunity (商机): a deal with one customer, owned by one salesperson, worth `amount`,
 * at a pipeline `stage`, with an optional `probability` that overrides the stage default, the
 * expected close date, the source channel, timestamps, `closedAt` once won or lost, the lost
 * reason, a `version` for optimistic saves and the `stageHistory` (oldest first; the last entry is
 * the current stage). The schema is the source of truth; {@link Opportunity} is inferred from it.
 *
 * @example
 * ```ts
 * import { OpportunitySchema } from 'crmkit/pipeline';
 * const o = OpportunitySchema.parse({
 *   id: 'o-1', customerId: 'c-1', ownerId: 'u-1', name: 'ERP rollout',
 *   amount: { amount: '120000.00', currency: 'CNY' }, stage: 'lead', expectedCloseDate: '2026-06-30',
 *   createdAt: '2026-01-05', updatedAt: '2026-01-05', version: 1,
 *   stageHistory: [{ stage: 'lead', at: '2026-01-05' }],
 * });
 * o.amount.toString();
 * //=> '120000.00 CNY'
 * ```
 */
export const OpportunitySchema = /* @__PURE__ */ lazySchema(() => z
  .strictObject({
    ...opportunityFields(),
    createdAt: DateSchema,
    updatedAt: DateSchema,
    closedAt: DateSchema.optional(),
    version: z.number().int().min(1),
    stageHistory: z.array(StageHistoryEntrySchema).min(1).max(1000),
  })
  .meta({ id: 'Opportunity' }));

/**
 * What {@link createOpportunity} accepts: an opportunity without timestamps, version, closing
 * fields and history; `id` is optional (generated when absent).
 *
 * @example
 * ```ts
 * import { OpportunityInputSchema } from 'crmkit/pipeline';
 * OpportunityInputSchema.safeParse({
 *   customerId: 'c-1', ownerId: 'u-1', name: 'ERP', amount: { amount: '10.00', currency: 'CNY' },
 *   stage: 'lead', expectedCloseDate: '2026-06-30',
 * }).success;
 * //=> true
 * ```
 */
export const OpportunityInputSchema = /* @__PURE__ */ lazySchema(() => z
  .strictObject({ ...opportunityFields(), id: opportunityFields().id.optional() })
  .meta({ id: 'OpportunityInput' }));

/**
 * A stored opportunity; see {@link OpportunitySchema}.
 *
 * @example
 * ```ts
 * import type { Opportunity } from 'crmkit/pipeline';
 * const label = (o: Opportunity) => `${o.name} (${o.stage})`;
 * ```
 */
export type Opportunity = z.infer<typeof OpportunitySchema>;

/**
 * Input to {@link createOpportunity}; see {@link OpportunityInputSchema}.
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * const input: OpportunityInput = {
 *   customerId: 'c-1', ownerId: 'u-1', name: 'ERP', amount: Money.of('10.00', 'CNY'),
 *   stage: 'lead', expectedCloseDate: new Date('2026-06-30T00:00:00Z'),
 * };
 * ```
 */
export type OpportunityInput = z.input<typeof OpportunityInputSchema>;

/**
 * One entry of an opportunity's `stageHistory`; see {@link StageHistoryEntrySchema}.
 *
 * @example
 * ```ts
 * const e: StageHistoryEntry = { stage: 'lead', at: new Date('2026-01-05T00:00:00Z') };
 * ```
 */
export type StageHistoryEntry = z.infer<typeof StageHistoryEntrySchema>;
