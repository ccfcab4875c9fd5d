/**
 * Stored segment rules and their members. A rule is stored under an id (PUT, checked by crmkit's
 * `parseSegmentRule`); its members are evaluated where the data lives: on PostgreSQL by the
 * database, through `toSql` (storage/postgres.ts), in memory by the compiled rule.
 */
import { CrmError } from 'crmkit';
import { type Services, limitOf } from '../context';
import { route } from '../route';
import { SegmentBodySchema, SegmentListSchema, SegmentMembersSchema, SegmentSchema } from '../schemas';

const SEGMENT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export function segmentRoutes(s: Services) {
  const { segments } = s.storage;
  const found = async (id: string) => {
    const segment = await segments.get(id);
    if (segment === undefined) throw new CrmError('NOT_FOUND', { params: { entity: 'segment', id }, details: { id } });
    return segment;
  };
  return [
    route({
      method: 'get',
      path: '/segments',
      tag: 'segments',
      summary: 'The stored segment rules',
      responses: { 200: SegmentListSchema },
      handle: async () => ({ status: 200, body: { items: await segments.list() } }),
    }),
    route({
      method: 'put',
      path: '/segments/:id',
      tag: 'segments',
      summary: 'Store (or replace) a segment rule under an id',
      body: SegmentBodySchema,
      responses: { 200: SegmentSchema },
      async handle(c, { body }) {
        const id = c.req.param('id') as string;
        if (!SEGMENT_ID.test(id)) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'id', rule: 'must be a non-empty identifier of at most 128 characters' } });
        return { status: 200, body: await segments.put({ id, name: body.name, rule: body.rule }) };
      },
    }),
    route({
      method: 'get',
      path: '/segments/:id',
      tag: 'segments',
      summary: 'A stored segment rule',
      responses: { 200: SegmentSchema },
      handle: async (c) => ({ status: 200, body: await found(c.req.param('id') as string) }),
    }),
    route({
      method: 'get',
      path: '/segments/:id/members',
      tag: 'segments',
      summary: 'Customers the stored rule selects now, in id order, a page at a time (evaluated by the database)',
      query: [
        { name: 'limit', description: 'page size, 1 to 1000 (default 50)', integer: true },
        { name: 'cursor', description: 'nextCursor of the previous page' },
      ],
      responses: { 200: SegmentMembersSchema },
      async handle(c) {
        const segment = await found(c.req.param('id') as string);
        const asOf = s.now();
        const cursor = c.req.query('cursor');
        const page = await segments.members(segment.rule, { asOf, metrics: await s.scoring.metrics(asOf), limit: limitOf(c.req.query('limit')), ...(cursor ? { after: cursor } : {}) });
        return { status: 200, body: { segmentId: segment.id, ...page } };
      },
    }),
  ];
}
