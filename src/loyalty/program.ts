import { z } from 'zod';
import { CrmError } from './errors';
import { Money } from '../core/money/Money';
import { MoneySchema } from '../core/money/schema';
import { DateSchema } from '../core/time/schema';
import { lazySchema } from '../core/zod/lazySchema';

const id = /* @__PURE__ */ lazySchema(() => z.string().min(1).max(128));
const wholePoints = /* @__PURE__ */ lazySchema(() => z.number().int().min(0).max(Number.MAX_SAFE_INTEGER));
/** A decimal factor written as a string (`'1.5'`), so it never passes through a binary float. */
const factor = /* @__PURE__ */ lazySchema(() => z.string().regex(/^\d{1,6}(\.\d{1,6})?$/, { message: 'must be a decimal string such as "1.5"' }));
const ROUNDING = /* @__PURE__ */ lazySchema(() => z.enum(['half-even', 'half-up', 'half-down', 'up', 'down', 'ceil', 'floor']));

/**
 * A bonus on top of the base points of a purchase. `multiplier` multiplies the base; `points` adds.
 * `redeemableOnly` bonuses add redeemable points but no qualifying points (they never lift a tier).
 */
const BonusRuleSchema = /* @__PURE__ */ lazySchema(() => {
  const common = { id, multiplier: factor.optional(), points: wholePoints.optional(), redeemableOnly: z.boolean().default(false) };
  return z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('birthday-month'), ...common }),
    z.strictObject({ kind: z.literal('first-purchase'), ...common }),
    z.strictObject({ kind: z.literal('referral'), ...common }),
    z.strictObject({ kind: z.literal('campaign'), from: DateSchema, to: DateSchema, ...common }),
  ]);
});
const pendingDays = /* @__PURE__ */ lazySchema(() => z.number().int().min(0).max(366));

const TierSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  id,
  name: z.string().max(128).optional(),
  /** Points earned, or spend, within the qualification window needed to hold this tier. */
  threshold: z.union([z.strictObject({ points: wholePoints }), z.strictObject({ spend: MoneySchema })]),
  /** Multiplies the base points of every purchase made in this tier. Default `'1'`. */
  multiplier: factor.default('1'),
  /** Adopter-defined benefits: discount rate, free shipping, priority service... */
  benefits: z.record(z.string(), z.unknown()).default({}),
}));

/**
 * zod schema of a loyalty programme (会员计划): how purchases earn points, the tiers and how customers
 * qualify for and drop out of them, and when points expire. Plain, serialisable data; parse it once
 * and pass the parsed value to the ledger and tier functions.
 *
 * - `earning.rate`: `points` per `spend` (for example 1 point per 1.00 CNY), rounded per purchase
 *   with `earning.rounding` (default `floor`). Points are whole numbers: there are no fractional points.
 * - `earning.bonuses`: birthday month, first purchase, referral, campaign windows `[from, to)`.
 * - `earning.caps`: at most `maxPoints` earned per calendar `day`, `month` or `year`.
 * - `earning.pending`: the return window. Points a purchase earns stay pending (shown, not
 *   spendable) for `days` days (default 0: spendable at once), or `byChannel[channel]` days for a
 *   purchase made through that channel (`store`, `web`, ...); a return inside the window cancels them.
 * - bonuses with `redeemableOnly: true` add redeemable points but no qualifying points.
 * - `tiers`: ordered lowest first; the first tier's threshold must be zero (everyone holds it).
 * - `qualification`: `basis` `points` (qualifying points earned: bonuses included unless
 *   redeemable-only, refunds excluded, redemptions never subtracted) or `spend`,
 *   over a `rolling` window of `months` or the current `calendar-year`.
 * - `downgrade`: reviews `every` N months after the tier was reached (`anniversary`) or each
 *   1 January (`calendar-year`); a customer short at a review keeps the tier for `graceDays`, then
 *   drops at most `maxStepsDown` tiers (default 1; `null` drops straight to the qualified tier).
 * - `expiry`: `months-after-earn` (N months after each lot was earned), `year-end` (31 December of
 *   the year earned, plus `yearsAfter` years) or `never`.
 * - `utcOffsetMinutes`: the programme's fixed offset from UTC for calendar boundaries (birthday month,
 *   caps, calendar years, year-end expiry); 480 for China Standard Time. Default 0.
 *
 * @example
 * ```ts
 * import { LoyaltyProgramSchema } from 'crmkit/loyalty';
 * const program = LoyaltyProgramSchema.parse({
 *   id: 'club', currency: 'CNY',
 *   earning: { rate: { spend: { amount: '1', currency: 'CNY' }, points: 1 } },
 *   tiers: [{ id: 'member', threshold: { points: 0 } }, { id: 'gold', threshold: { points: 5000 }, multiplier: '1.5' }],
 *   expiry: { kind: 'months-after-earn', months: 24 },
 * });
 * program.tiers[1].multiplier;
 * //=> '1.5'
 * program.downgrade.maxStepsDown;
 * //=> 1
 * ```
 */
export const LoyaltyProgramSchema = /* @__PURE__ */ lazySchema(() => z
  .strictObject({
    id,
    name: z.string().max(256).optional(),
    currency: z.string().length(3),
    utcOffsetMinutes: z.number().int().min(-840).max(840).default(0),
    earning: z.strictObject({
      rate: z.strictObject({ spend: MoneySchema, points: wholePoints }),
      rounding: ROUNDING.default('floor'),
      bonuses: z.array(BonusRuleSchema).default([]),
      caps: z.array(z.strictObject({ period: z.enum(['day', 'month', 'year']), maxPoints: wholePoints })).default([]),
      pending: z
        .strictObject({ days: pendingDays.default(0), byChannel: z.record(z.string().min(1).max(64), pendingDays).default({}) })
        .default({ days: 0, byChannel: {} }),
    }),
    tiers: z.array(TierSchema).min(1),
    qualification: z
      .strictObject({
        basis: z.enum(['points', 'spend']).default('points'),
        window: z
          .discriminatedUnion('kind', [
            z.strictObject({ kind: z.literal('rolling'), months: z.number().int().min(1).max(120) }),
            z.strictObject({ kind: z.literal('calendar-year') }),
          ])
          .default(() => ({ kind: 'rolling' as const, months: 12 })),
      })
      // Factories, not literals: zod copies a default only one level deep, and programmes must not share objects.
      .default(() => ({ basis: 'points' as const, window: { kind: 'rolling' as const, months: 12 } })),
    downgrade: z
      .strictObject({
        review: z
          .discriminatedUnion('kind', [
            z.strictObject({ kind: z.literal('anniversary'), every: z.number().int().min(1).max(120) }),
            z.strictObject({ kind: z.literal('calendar-year') }),
          ])
          .default(() => ({ kind: 'anniversary' as const, every: 12 })),
        graceDays: z.number().int().min(0).max(3660).default(0),
        maxStepsDown: z.number().int().min(1).nullable().default(1),
      })
      .default(() => ({ review: { kind: 'anniversary' as const, every: 12 }, graceDays: 0, maxStepsDown: 1 })),
    expiry: z
      .discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('months-after-earn'), months: z.number().int().min(1).max(1200) }),
        z.strictObject({ kind: z.literal('year-end'), yearsAfter: z.number().int().min(0).max(100).default(0) }),
        z.strictObject({ kind: z.literal('never') }),
      ])
      .default({ kind: 'never' }),
  })
  .superRefine((p, ctx) => {
    const issue = (message: string, path: PropertyKey[]) => ctx.addIssue({ code: 'custom', message, path });
    // zod runs this refinement even when a nested Money failed to parse; check only what parsed.
    if (!Money.isMoney(p.earning.rate.spend) || p.tiers.some((t) => 'spend' in t.threshold && !Money.isMoney(t.threshold.spend))) return;
    if (!p.earning.bonuses.every((b) => b.kind !== 'campaign' || (b.from instanceof Date && b.to instanceof Date))) return;
    if (p.earning.rate.spend.currency !== p.currency) issue('must be in the programme currency', ['earning', 'rate', 'spend']);
    if (!p.earning.rate.spend.isPositive()) issue('must be positive', ['earning', 'rate', 'spend']);
    const ids = new Set<string>();
    let previous = -1;
    p.tiers.forEach((tier, i) => {
      if (ids.has(tier.id)) issue('duplicate tier id', ['tiers', i, 'id']);
      ids.add(tier.id);
      const t = tier.threshold;
      const kind = 'points' in t ? 'points' : 'spend';
      if (kind !== p.qualification.basis) issue(`threshold must be in ${p.qualification.basis}, the qualification basis`, ['tiers', i, 'threshold']);
      let value: number;
      if ('spend' in t) {
        if (t.spend.currency !== p.currency) issue('must be in the programme currency', ['tiers', i, 'threshold', 'spend']);
        value = t.spend.toNumber();
      } else value = t.points;
      if (i === 0 && value !== 0) issue('the first tier must have a zero threshold', ['tiers', 0, 'threshold']);
      if (i > 0 && !(value > previous)) issue('thresholds must increase strictly', ['tiers', i, 'threshold']);
      previous = value;
    });
    p.earning.bonuses.forEach((b, i) => {
      if (b.multiplier === undefined && b.points === undefined) issue('needs a multiplier or points', ['earning', 'bonuses', i]);
      if (b.kind === 'campaign' && !(b.from < b.to)) issue('from must be before to', ['earning', 'bonuses', i]);
    });
  })
  .meta({ id: 'LoyaltyProgram' }));

/**
 * A parsed loyalty programme; see {@link LoyaltyProgramSchema}.
 *
 * @example
 * ```ts
 * import { parseLoyaltyProgram } from 'crmkit/loyalty';
 * const program: LoyaltyProgram = parseLoyaltyProgram({
 *   id: 'club', currency: 'CNY',
 *   earning: { rate: { spend: { amount: '1', currency: 'CNY' }, points: 1 } },
 *   tiers: [{ id: 'member', threshold: { points: 0 } }],
 * });
 * ```
 */
export type LoyaltyProgram = z.output<typeof LoyaltyProgramSchema>;

/**
 * The input form of a loyalty programme (defaults may be omitted); see {@link LoyaltyProgramSchema}.
 *
 * @example
 * ```ts
 * const input: LoyaltyProgramInput = {
 *   id: 'club', currency: 'CNY',
 *   earning: { rate: { spend: { amount: '1', currency: 'CNY' }, points: 1 } },
 *   tiers: [{ id: 'member', threshold: { points: 0 } }],
 * };
 * ```
 */
export type LoyaltyProgramInput = z.input<typeof LoyaltyProgramSchema>;

/**
 * Parses and checks a loyalty programme definition.
 *
 * @param input - the programme as data (JSON or objects)
 * @returns the parsed programme, defaults filled in
 * @throws {CrmError} `INVALID_PROGRAM` with the zod issues in `details.issues`
 *
 * @example
 * ```ts
 * import { parseLoyaltyProgram } from 'crmkit/loyalty';
 * const program = parseLoyaltyProgram({
 *   id: 'club', currency: 'CNY',
 *   earning: { rate: { spend: { amount: '10', currency: 'CNY' }, points: 3 } },
 *   tiers: [{ id: 'member', threshold: { points: 0 } }],
 * });
 * program.earning.rounding;
 * //=> 'floor'
 * ```
 */
export function parseLoyaltyProgram(input: unknown): LoyaltyProgram {
  const result = LoyaltyProgramSchema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new CrmError('INVALID_PROGRAM', {
    params: { rule: first ? `${first.path.join('.') || 'program'}: ${first.message}` : 'invalid' },
    details: { issues: result.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) },
  });
}
