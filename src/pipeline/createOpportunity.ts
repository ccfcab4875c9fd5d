import { CrmError } from './errors';
import { domainEvent } from '../core/events';
import { type IdGenerator, randomId } from '../core/ids';
import { requireDate } from '../core/time';
import { type Pipeline, pipelineIndex, stagePosition } from './definePipeline';
import type { OpportunityCreated } from './events';
import { type Opportunity, OpportunityInputSchema, OpportunitySchema } from './opportunity';

/**
 * Options for {@link createOpportunity}.
 *
 * @example
 * ```ts
 * import { sequentialIds } from 'crmkit';
 * const options: CreateOpportunityOptions = { now: new Date('2026-01-05T00:00:00Z'), newId: sequentialIds('o') };
 * ```
 */
export interface CreateOpportunityOptions {
  /** The creation time; becomes `createdAt`, `updatedAt` and the first history entry. Required. */
  readonly now: Date;
  /** Id generator used when the input has no id. Default `randomId`. */
  readonly newId?: IdGenerator;
}

/** Parses with a schema, throwing VALIDATION_FAILED with zod's issues (paths and codes, never values). */
export function parseOrFail<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: PropertyKey[]; code: string; message: string }[] } } }, input: unknown, entity: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message }));
  throw new CrmError('VALIDATION_FAILED', {
    params: { entity, count: issues.length, rules: [...new Set(issues.map((i) => i.code))].join(', ') },
    details: { issues },
  });
}

/**
 * Creates an opportunity in an open stage of the pipeline: parses the input, stamps `createdAt`
 * and `updatedAt` with `now`, sets `version` 1 and starts the stage history, and returns it with an
 * `OpportunityCreated` event. Never mutates the input.
 *
 * @param pipeline - the pipeline the deal runs in (from `definePipeline`)
 * @param input - the opportunity (see {@link OpportunityInputSchema}); `stage` must be an open stage
 * @param options - `now` (required) and `newId`
 * @returns `{ opportunity, events }`
 * @throws {CrmError} `VALIDATION_FAILED` with zod's issues in `details.issues`; `UNKNOWN_STAGE`;
 *   `INVALID_TRANSITION` when the stage is won or lost (a deal is closed with `moveOpportunity`);
 *   `INVALID_DATE` for a bad `now`
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, createOpportunity } from 'crmkit/pipeline';
 * const { opportunity, events } = createOpportunity(DEFAULT_B2B_PIPELINE, {
 *   id: 'o-1', customerId: 'c-1', ownerId: 'u-1', name: 'ERP rollout',
 *   amount: { amount: '120000', currency: 'CNY' }, stage: 'lead', expectedCloseDate: '2026-06-30',
 * }, { now: new Date('2026-01-05T00:00:00Z') });
 * [opportunity.version, opportunity.stageHistory.length, events[0].type];
 * //=> [1, 1, 'OpportunityCreated']
 * ```
 */
export function createOpportunity(pipeline: Pipeline, input: unknown, options: CreateOpportunityOptions): { opportunity: Opportunity; events: [OpportunityCreated] } {
  const index = pipelineIndex(pipeline);
  const now = requireDate(options?.now, 'now');
  const parsed = parseOrFail(OpportunityInputSchema, input, 'opportunity');
  if (index.kind[stagePosition(index, parsed.stage)] !== 0) {
    throw new CrmError('INVALID_TRANSITION', { params: { event: 'create', from: parsed.stage } });
  }
  const opportunity = parseOrFail(OpportunitySchema, {
    ...parsed,
    id: parsed.id ?? (options.newId ?? randomId)(),
    createdAt: now,
    updatedAt: now,
    version: 1,
    stageHistory: [{ stage: parsed.stage, at: now }],
  }, 'opportunity');
  return { opportunity, events: [domainEvent('OpportunityCreated', opportunity.customerId, now, { opportunity })] };
}
