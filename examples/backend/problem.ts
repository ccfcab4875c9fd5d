/**
 * Errors as RFC 9457 problem details (application/problem+json). Every error the service reports
 * is a CrmError: its stable `code` goes out as `code` (and in `type`), its message is rendered in
 * the language the client asked for (`Accept-Language`: en or zh-CN) by crmkit's own message
 * functions, and validation issues are listed with their paths. CrmError messages name fields and
 * rules, never personal values, so nothing the client sent is echoed back; anything that is not a
 * CrmError becomes a bare 500.
 */
import type { Context } from 'hono';
import { CrmError, type ErrorCode, type Locale, isCrmError } from 'crmkit';

/** HTTP status per code; codes not listed are 400 (a request the domain refused as given). */
const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 422,
  NOT_FOUND: 404,
  CONCURRENCY_CONFLICT: 412,
  DUPLICATE_ID: 409,
  LIKELY_DUPLICATE: 409,
  INSUFFICIENT_POINTS: 409,
  BALANCE_MISMATCH: 409,
  IDEMPOTENCY_CONFLICT: 422,
  INVALID_RULE: 422,
  UNKNOWN_FIELD: 422,
  UNKNOWN_OPERATOR: 422,
  RULE_TOO_DEEP: 422,
  INSUFFICIENT_DATA: 503,
  MODEL_NOT_CONVERGED: 503,
  FORBIDDEN: 403,
  FORBIDDEN_FIELD: 403,
};

/** A status that differs from the code's usual one (428 for a missing If-Match, say). */
const override = new WeakMap<CrmError, number>();

/** Marks a CrmError to be sent with `status` instead of its code's usual status. */
export function withStatus(error: CrmError, status: number): CrmError {
  override.set(error, status);
  return error;
}

/** The locale to answer in: the first of `Accept-Language` that crmkit has, else en. */
export function localeOf(c: Context): Locale {
  const header = c.req.header('accept-language') ?? '';
  const tags = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.toLowerCase(), q: q ? Number(q[1]) : 1 };
    })
    .filter((t) => t.tag !== '' && t.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag === 'zh' || tag.startsWith('zh-cn') || tag.startsWith('zh-hans') || tag === 'zh-sg') return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** The problem+json body of a CrmError. */
export function problemOf(error: CrmError, locale: Locale, instance: string): { status: number; body: Record<string, unknown> } {
  const status = override.get(error) ?? STATUS[error.code] ?? 400;
  const body: Record<string, unknown> = {
    type: `https://crmkit.dev/errors#${error.code}`,
    title: error.code,
    status,
    detail: error.localizedMessage(locale),
    code: error.code,
    instance,
  };
  const issues = error.details.issues;
  if (issues !== undefined) body.issues = issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message }));
  for (const key of ['expectedVersion', 'actualVersion', 'candidates', 'requested', 'available'] as const) {
    if (error.details[key] !== undefined) body[key] = error.details[key];
  }
  return { status, body };
}

/** Hono's error handler: every error leaves as problem+json; anything else is a bare 500. */
export function onError(err: Error, c: Context): Response {
  const locale = localeOf(c);
  let problem: { status: number; body: Record<string, unknown> };
  if (isCrmError(err)) problem = problemOf(err, locale, c.req.path);
  else {
    // A bug, not a refusal: log it for the operator, tell the client nothing about it.
    console.error(err);
    problem = { status: 500, body: { type: 'about:blank', title: 'Internal Server Error', status: 500 } };
  }
  return c.newResponse(JSON.stringify(problem.body), problem.status as 400, {
    'content-type': 'application/problem+json',
    'content-language': locale,
  });
}
