/**
 * The OpenAPI 3.1 document, generated from the route table and the same zod schemas that validate
 * the requests (zod v4's `z.toJSONSchema`, JSON Schema 2020-12, which OpenAPI 3.1 uses as is).
 */
import { z } from 'zod';
import type { AnyRoute } from './route';
import { ProblemSchema } from './schemas';

const REF = '#/components/schemas/';

/** zod puts schemas it meets under several ids into `__shared`; OpenAPI wants them as components. */
function hoistShared(schemas: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const { __shared: shared, ...rest } = schemas;
  const all: Record<string, unknown> = { ...rest, ...((shared?.$defs as Record<string, unknown> | undefined) ?? {}) };
  const text = JSON.stringify(all, (key, value) => (key === '$id' || key === '$schema' ? undefined : value))
    .replaceAll(`"${REF}__shared#/$defs/`, `"${REF}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** The OpenAPI document of the routes. */
export function openApiDocument(routes: readonly AnyRoute[], info: { title: string; version: string }): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const idOf = new Map<z.ZodType, string>();
  const ref = (schema: z.ZodType): { $ref: string } => {
    let id = idOf.get(schema);
    if (id === undefined) {
      id = (z.globalRegistry.get(schema)?.id as string | undefined) ?? `Schema${idOf.size + 1}`;
      idOf.set(schema, id);
      if (!registry.has(schema)) registry.add(schema, { id });
    }
    return { $ref: `${REF}${id}` };
  };
  const problem = { description: 'problem details (RFC 9457)', content: { 'application/problem+json': { schema: ref(ProblemSchema) } } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...[...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...(r.query ?? []).map((q) => ({ name: q.name, in: 'query', required: false, description: q.description, schema: { type: q.integer ? 'integer' : 'string' } })),
      ...(r.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: h.required, description: h.description, schema: { type: 'string' } })),
      { name: 'Accept-Language', in: 'header', required: false, description: 'en or zh-CN: the language of error details', schema: { type: 'string' } },
    ];
    const requestSchema = r.body ?? r.documentedBody;
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(r.responses)) {
      responses[status] = schema === undefined ? { description: 'done' } : { description: 'success', content: { 'application/json': { schema: ref(schema) } } };
    }
    responses.default = problem;
    (paths[path] ??= {})[r.method] = {
      operationId: `${r.method}${path.replace(/[{}]/g, '').replace(/\/(\w)/g, (_, ch: string) => ch.toUpperCase()).replace(/\W/g, '')}`,
      summary: r.summary,
      tags: [r.tag],
      parameters,
      ...(requestSchema && { requestBody: { required: true, content: { 'application/json': { schema: ref(requestSchema) } } } }),
      responses,
    };
  }
  const generated = z.toJSONSchema(registry, { uri: (id) => `${REF}${id}`, io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: { schemas: hoistShared(generated.schemas as Record<string, Record<string, unknown>>) },
  };
}
