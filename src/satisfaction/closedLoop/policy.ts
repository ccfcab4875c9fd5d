import { assert } from '../errors';
import { COMPLAINT_PRIORITIES, type ComplaintPriority } from '../../lifecycle';
import { SCALE_TYPES, type ScaleType } from '../scales';

/**
 * When a survey answer opens a callback: answers at or below `atOrBelow` to the named `question`
 * (or to any question on `scale`), optionally only on some response channels.
 *
 * @example
 * ```ts
 * const rule: CallbackRule = { scale: 'nps', atOrBelow: 6, priority: 'high', callbackWithinMinutes: 480 };
 * ```
 */
export interface CallbackRule {
  /** The question this rule watches; give this or `scale`. */
  readonly question?: string;
  /** Every question on this scale (for example `nps`, `csat5`); give this or `question`. */
  readonly scale?: ScaleType;
  /** Answers at or below this open a follow-up (6 for NPS detractors, 2 on a 5-point CSAT). */
  readonly atOrBelow: number;
  /** Response channels the rule applies to; default all. */
  readonly channels?: readonly string[];
  /** The SLA priority of the follow-up on the complaint workflow. */
  readonly priority: ComplaintPriority;
  /** Minutes within which the customer must be called back (business minutes with a calendar), at most 525,600. */
  readonly callbackWithinMinutes: number;
}

/**
 * A closed-loop policy: its rules in order; the first rule that matches a response's answer wins,
 * and a response opens at most one follow-up.
 *
 * @example
 * ```ts
 * const policy: ClosedLoopPolicy = { rules: [{ scale: 'nps', atOrBelow: 6, priority: 'high', callbackWithinMinutes: 480 }] };
 * ```
 */
export interface ClosedLoopPolicy {
  readonly rules: readonly CallbackRule[];
}

/**
 * The default policy: NPS detractors (0-6) and 5-point CSAT answers of 1-2 are called back within
 * one business day (480 business minutes, priority `high`); 7-point CSAT answers of 1-3 within two
 * (960, `normal`). Replace it with your own: score bands and channels are yours to set.
 *
 * @example
 * ```ts
 * import { DEFAULT_CLOSED_LOOP_POLICY } from 'crmkit/satisfaction';
 * DEFAULT_CLOSED_LOOP_POLICY.rules.map((r) => [r.scale, r.atOrBelow]);
 * //=> [['nps', 6], ['csat5', 2], ['csat7', 3]]
 * ```
 */
export const DEFAULT_CLOSED_LOOP_POLICY: ClosedLoopPolicy = /* @__PURE__ */ defineClosedLoopPolicy({
  rules: [
    { scale: 'nps', atOrBelow: 6, priority: 'high', callbackWithinMinutes: 480 },
    { scale: 'csat5', atOrBelow: 2, priority: 'high', callbackWithinMinutes: 480 },
    { scale: 'csat7', atOrBelow: 3, priority: 'normal', callbackWithinMinutes: 960 },
  ],
});

/**
 * Checks a closed-loop policy and returns a frozen copy.
 *
 * @param input - the policy
 * @returns the policy, frozen
 * @throws {CrmError} `INVALID_ARGUMENT` naming the first bad rule field
 *
 * @example
 * ```ts
 * import { defineClosedLoopPolicy } from 'crmkit/satisfaction';
 * defineClosedLoopPolicy({ rules: [{ question: 'overall', atOrBelow: 2, channels: ['wechat'], priority: 'urgent', callbackWithinMinutes: 120 }] })
 *   .rules[0]?.priority;
 * //=> 'urgent'
 * ```
 */
export function defineClosedLoopPolicy(input: ClosedLoopPolicy): ClosedLoopPolicy {
  const rules = input?.rules;
  assert(Array.isArray(rules) && rules.length >= 1 && rules.length <= 100, 'INVALID_ARGUMENT', { params: { field: 'rules', rule: 'must list 1 to 100 rules' } });
  const out: CallbackRule[] = [];
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i] as CallbackRule | undefined;
    const at = (field: string) => ({ params: { field: `rules.${i}.${field}`, rule: '' } });
    assert(r !== null && typeof r === 'object', 'INVALID_ARGUMENT', { params: { field: `rules.${i}`, rule: 'must be an object' } });
    const hasQuestion = typeof r.question === 'string' && r.question !== '';
    const hasScale = r.scale !== undefined && (SCALE_TYPES as readonly string[]).includes(r.scale);
    assert(hasQuestion !== hasScale && (r.scale === undefined || hasScale) && (r.question === undefined || hasQuestion), 'INVALID_ARGUMENT', {
      params: { field: `rules.${i}`, rule: 'must name either a question or a scale' },
    });
    assert(Number.isFinite(r.atOrBelow), 'INVALID_ARGUMENT', { params: { ...at('atOrBelow').params, rule: 'must be a finite number' } });
    assert((COMPLAINT_PRIORITIES as readonly string[]).includes(r.priority), 'INVALID_ARGUMENT', {
      params: { ...at('priority').params, rule: `must be one of ${COMPLAINT_PRIORITIES.join(', ')}` },
    });
    assert(Number.isInteger(r.callbackWithinMinutes) && r.callbackWithinMinutes >= 1 && r.callbackWithinMinutes <= 525_600, 'INVALID_ARGUMENT', {
      params: { ...at('callbackWithinMinutes').params, rule: 'must be an integer from 1 to 525600' },
    });
    assert(r.channels === undefined || (Array.isArray(r.channels) && r.channels.every((c) => typeof c === 'string')), 'INVALID_ARGUMENT', {
      params: { ...at('channels').params, rule: 'must be a list of channel names' },
    });
    out.push(
      Object.freeze({
        ...(hasQuestion && { question: r.question }),
        ...(hasScale && { scale: r.scale }),
        atOrBelow: r.atOrBelow,
        ...(r.channels !== undefined && { channels: Object.freeze([...r.channels]) }),
        priority: r.priority,
        callbackWithinMinutes: r.callbackWithinMinutes,
      }),
    );
  }
  return Object.freeze({ rules: Object.freeze(out) });
}
