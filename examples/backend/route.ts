/**
 * One route table drives both the Hono app and the OpenAPI document: each route names its method,
 * path, request body schema, headers and responses. Adding a resource (the masked privacy views,
 * say) is adding a file of routes and listing it in app.ts.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { CrmError, type Locale, zodErrorMap } from 'crmkit';
import { localeOf } from './problem';

/** What a handler returns: the status, the body (serialised as JSON) and extra headers. */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteSpec<B = unknown> {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono path syntax (`/customers/:id`); openapi.ts turns it into `/customers/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly body?: z.ZodType<B>;
  /** The request body for the OpenAPI document when the handler validates it itself. */
  readonly documentedBody?: z.ZodType;
  readonly headers?: readonly { readonly name: string; readonly required: boolean; readonly description: string }[];
  readonly query?: readonly { readonly name: string; readonly description: string; readonly integer?: boolean }[];
  /** Status -> body schema (problem+json responses are added for every route). */
  readonly responses: Readonly<Record<number, z.ZodType | undefined>>;
  readonly handle: (c: Context, input: { readonly body: B; readonly locale: Locale }) => Promise<Reply>;
}

/** A route of any body type, as the table holds them. */
export type AnyRoute = RouteSpec<unknown>;

/** Declares a route: the handler is typed by the body schema; the table holds it as {@link AnyRoute}. */
export function route<B = undefined>(spec: RouteSpec<B>): AnyRoute {
  return spec as unknown as AnyRoute;
}

/** Validation issues of a zod error, in the client's language (zod's own messages, never values). */
export function failedValidation(entity: string, error: z.ZodError): CrmError {
  const issues = error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));
  return new CrmError('VALIDATION_FAILED', {
    params: { entity, count: issues.length, rules: [...new Set(issues.map((i) => i.code))].join(', ') },
    details: { issues },
  });
}

async function readBody<B>(c: Context, schema: z.ZodType<B>, locale: Locale): Promise<B> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'body', rule: 'not valid JSON' } });
  }
  const parsed = schema.safeParse(json, { error: zodErrorMap(locale) });
  if (!parsed.success) throw failedValidation('input', parsed.error);
  return parsed.data;
}

/**
 * Registers the routes on the app. With `checkResponses`, every JSON body is checked against its
 * declared schema before it leaves (tests turn this on): a mismatch is a bug, so it throws.
 */
export function mount(app: Hono, routes: readonly AnyRoute[], options: { readonly checkResponses?: boolean } = {}): void {
  for (const spec of routes) {
    app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const locale = localeOf(c);
      const body = spec.body === undefined ? undefined : await readBody(c, spec.body, locale);
      const reply = await spec.handle(c, { body, locale });
      const schema = spec.responses[reply.status];
      if (options.checkResponses && schema !== undefined) {
        const check = schema.safeParse(JSON.parse(JSON.stringify(reply.body)));
        if (!check.success) throw new Error(`response of ${spec.method} ${spec.path} (${reply.status}) does not match its schema: ${JSON.stringify(check.error.issues)}`);
      }
      if (reply.status === 204) return c.body(null, 204, reply.headers);
      return c.newResponse(JSON.stringify(reply.body), reply.status as 200, {
        'content-type': 'application/json; charset=utf-8',
        ...reply.headers,
      });
    });
  }
}
