/**
 * The request and response bodies, as zod schemas built from the ones crmkit already has: they
 * validate requests, check responses in tests, and become the OpenAPI document (openapi.ts), so
 * the three never disagree.
 */
import { z } from 'zod';
import { MoneySchema } from 'crmkit';
import { CustomerInputSchema, CustomerSchema, InteractionSchema, TransactionSchema } from 'crmkit/customer';
import { LedgerEntrySchema } from 'crmkit/loyalty';
import { SegmentRuleSchema } from 'crmkit/segmentation';

const { id: _id, kind: _kind, ...patchable } = CustomerInputSchema.shape;

/** PATCH /customers/{id}: any customer field but id and kind; updateCustomer validates the result. */
export const CustomerPatchSchema = z.strictObject(patchable).partial().meta({ id: 'CustomerPatch' });

export const DuplicateCandidateSchema = z
  .strictObject({ customerId: z.string(), status: z.enum(['match', 'review']), score: z.number() })
  .meta({ id: 'DuplicateCandidate' });

export const CreatedCustomerSchema = z
  .strictObject({ customer: CustomerSchema, likelyDuplicates: z.array(DuplicateCandidateSchema) })
  .meta({ id: 'CreatedCustomer' });

export const CustomerPageSchema = z
  .strictObject({ items: z.array(CustomerSchema), nextCursor: z.string().optional() })
  .meta({ id: 'CustomerPage' });

/** A transaction as posted to a customer: the customer comes from the path. */
export const TransactionBodySchema = TransactionSchema.omit({ customerId: true }).meta({ id: 'TransactionBody' });
export const InteractionBodySchema = InteractionSchema.omit({ customerId: true }).meta({ id: 'InteractionBody' });

export const PointsPostingSchema = z
  .strictObject({ entryId: z.string().optional(), points: z.number().int(), repeated: z.boolean(), balance: z.number().int() })
  .meta({ id: 'PointsPosting' });

export const RecordedTransactionSchema = z
  .strictObject({ transaction: TransactionSchema, repeated: z.boolean(), points: PointsPostingSchema })
  .meta({ id: 'RecordedTransaction' });

/** A payment provider's webhook: retried until acknowledged, so it must be idempotent by paymentId. */
export const PaymentWebhookSchema = z
  .strictObject({
    paymentId: z.string().min(1).max(100),
    customerId: z.string().min(1).max(128),
    amount: MoneySchema,
    paidAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'PaymentWebhook' });

export const LoyaltyBalanceSchema = z
  .strictObject({
    customerId: z.string(),
    balance: z.number().int(),
    posted: z.number().int(),
    pendingExpiry: z.number().int(),
    tier: z.string(),
    asOf: z.iso.datetime(),
  })
  .meta({ id: 'LoyaltyBalance' });

export const ExpiringPointsSchema = z
  .strictObject({
    points: z.number().int(),
    lots: z.array(z.strictObject({ lotId: z.string(), expiresAt: z.iso.datetime(), points: z.number().int() })),
  })
  .meta({ id: 'ExpiringPoints' });

export const RedemptionRequestSchema = z
  .strictObject({ points: z.number().int().min(1).max(100_000_000), orderRef: z.string().min(1).max(128).optional() })
  .meta({ id: 'RedemptionRequest' });

export const RedemptionSchema = z.strictObject({ entry: LedgerEntrySchema }).meta({ id: 'Redemption' });

export const ScoresSchema = z
  .strictObject({
    customerId: z.string(),
    asOf: z.iso.datetime(),
    rfm: z.strictObject({ r: z.number().int(), f: z.number().int(), m: z.number().int(), segment: z.string() }).optional(),
    lifecycle: z.strictObject({ stage: z.string(), since: z.iso.datetime() }),
    probabilityAlive: z.number().min(0).max(1).optional(),
    expectedPurchases: z.strictObject({ days: z.number(), value: z.number().min(0) }).optional(),
    clv: z.strictObject({ horizonMonths: z.number(), value: MoneySchema }).optional(),
  })
  .meta({ id: 'Scores' });

export const SegmentSchema = z.strictObject({ id: z.string(), name: z.string(), rule: SegmentRuleSchema }).meta({ id: 'Segment' });
/** PUT /segments/{id}: the id comes from the path. */
export const SegmentBodySchema = z.strictObject({ name: z.string().min(1).max(200), rule: SegmentRuleSchema }).meta({ id: 'SegmentBody' });
export const SegmentListSchema = z.strictObject({ items: z.array(SegmentSchema) }).meta({ id: 'SegmentList' });
export const SegmentMembersSchema = z
  .strictObject({ segmentId: z.string(), items: z.array(z.strictObject({ id: z.string(), displayName: z.string() })), nextCursor: z.string().optional() })
  .meta({ id: 'SegmentMembers' });

/**
 * A customer as a role sees it (crmkit/privacy `CustomerView`): any customer field may be left out,
 * and masked values (`138****5678`) are no longer valid phones or ids, so only the shape is checked.
 */
export const CustomerViewSchema = z
  .looseObject({
    id: z.string(),
    kind: z.enum(['person', 'organization']),
    displayName: z.string().optional(),
    contactPoints: z.array(z.looseObject({ type: z.string() })).optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'CustomerView' });

export const CustomerViewResponseSchema = z
  .strictObject({ view: CustomerViewSchema, revealed: z.array(z.string()), masked: z.array(z.string()) })
  .meta({ id: 'CustomerViewResponse' });

export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().optional(),
    instance: z.string().optional(),
    issues: z.array(z.strictObject({ path: z.array(z.string()), code: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
