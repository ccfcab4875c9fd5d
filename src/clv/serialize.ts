import { z } from 'zod';
import { CrmError } from './errors';
import { isCurrencyCode } from '../core';
import type { BgBbModel } from './bgbb/model';
import type { GammaGammaModel } from './gammagamma/model';
import type { PurchaseModel } from './models';
import { freezeModel, isTrustedModel } from './trusted';
import { lazySchema } from '../core/zod/lazySchema';

const positive = /* @__PURE__ */ lazySchema(() => z.number().positive().finite());
const FitInfoSchema = /* @__PURE__ */ lazySchema(() => z.object({
  converged: z.boolean(),
  logLikelihood: z.number().finite(),
  iterations: z.number().int().nonnegative(),
  customers: z.number().nonnegative(),
  rows: z.number().int().nonnegative(),
  penalizer: z.number().nonnegative(),
  standardErrors: z.record(z.string(), z.number()).optional(),
  degenerate: z.array(z.string()).optional(),
}));
const bgParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ r: positive, alpha: positive, a: positive, b: positive }));

/**
 * The zod schema of every fitted model crmkit/clv produces (a discriminated union on `model`).
 *
 * @example
 * ```ts
 * import { ClvModelSchema } from 'crmkit/clv';
 * ClvModelSchema.safeParse({ model: 'gammagamma', params: { p: 6.25, q: 3.74, v: 15.44 } }).success;
 * //=> true
 * ```
 */
export const ClvModelSchema = /* @__PURE__ */ lazySchema(() => z.discriminatedUnion('model', [
  z.strictObject({ model: z.literal('bgnbd'), params: bgParams, fit: FitInfoSchema.optional() }),
  z.strictObject({ model: z.literal('mbgnbd'), params: bgParams, fit: FitInfoSchema.optional() }),
  z.strictObject({
    model: z.literal('paretonbd'),
    params: z.strictObject({ r: positive, alpha: positive, s: positive, beta: positive }),
    fit: FitInfoSchema.optional(),
  }),
  z.strictObject({
    model: z.literal('gammagamma'),
    params: z.strictObject({ p: positive, q: positive, v: positive }),
    currency: z.string().refine(isCurrencyCode, 'not an ISO 4217 currency code').optional(),
    fit: FitInfoSchema.optional(),
  }),
  z.strictObject({
    model: z.literal('bgbb'),
    params: z.strictObject({ alpha: positive, beta: positive, gamma: positive, delta: positive }),
    fit: FitInfoSchema.optional(),
  }),
]));

/**
 * Any fitted model of crmkit/clv.
 *
 * @example
 * ```ts
 * const m: ClvModel = { model: 'bgbb', params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };
 * ```
 */
export type ClvModel = PurchaseModel | GammaGammaModel | BgBbModel;

/**
 * Validates a model (internal). Models from the fitters and {@link modelFromJSON} are frozen and
 * trusted; anything else is checked on every use, since it may have been edited since.
 */
export function checkModel(model: unknown): void {
  if (isTrustedModel(model)) return;
  const res = ClvModelSchema.safeParse(model);
  if (!res.success) {
    const issue = res.error.issues[0];
    throw new CrmError('INVALID_MODEL', {
      params: { model: 'clv model', rule: issue ? `${issue.path.join('.') || 'model'}: ${issue.message}` : 'invalid' },
      details: { issues: res.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) },
    });
  }
}

/**
 * Restores a fitted model from JSON (a string or the parsed object), validating it, so a model
 * fitted once can score customers in another process. The result is deeply frozen, like the
 * fitters' models.
 *
 * @param json - the output of `JSON.stringify(model)`, or its parse
 * @returns the model
 * @throws {CrmError} `INVALID_MODEL` when it is not a model crmkit/clv knows
 *
 * @example
 * ```ts
 * import { modelFromJSON } from 'crmkit/clv';
 * modelFromJSON('{"model":"bgnbd","params":{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}}').params.r;
 * //=> 0.243
 * ```
 */
export function modelFromJSON(json: unknown): ClvModel {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (cause) {
      throw new CrmError('INVALID_MODEL', { params: { model: 'clv model', rule: 'not valid JSON' }, cause });
    }
  }
  checkModel(value);
  return freezeModel(ClvModelSchema.parse(value) as ClvModel);
}

/**
 * A fitted model as a plain JSON-safe object (a deep copy; the models are plain data already,
 * so `JSON.stringify(model)` works too).
 *
 * @param model - any fitted model
 * @returns a plain object that {@link modelFromJSON} restores
 * @throws {CrmError} `INVALID_MODEL` for a malformed model
 *
 * @example
 * ```ts
 * import { modelToJSON } from 'crmkit/clv';
 * modelToJSON({ model: 'gammagamma', params: { p: 6.25, q: 3.74, v: 15.44 } });
 * //=> { model: 'gammagamma', params: { p: 6.25, q: 3.74, v: 15.44 } }
 * ```
 */
export function modelToJSON(model: ClvModel): ClvModel {
  checkModel(model);
  return JSON.parse(JSON.stringify(model)) as ClvModel;
}
