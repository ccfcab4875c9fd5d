/** Scores of one customer, and the members of stored segment rules. */
import { CrmError } from 'crmkit';
import { compileSegment } from 'crmkit/segmentation';
import { type Services, limitOf } from '../context';
import { route } from '../route';
import { ScoresSchema, SegmentListSchema, SegmentMembersSchema } from '../schemas';

export function scoreRoutes(s: Services) {
  const { customers } = s.repositories;
  return [
    route({
      method: 'get',
      path: '/customers/:id/scores',
      tag: 'scores',
      summary: 'RFM segment, lifecycle stage, P(alive), expected purchases in 90 days and 12-month CLV',
      responses: { 200: ScoresSchema },
      async handle(c) {
        const id = c.req.param('id') as string;
        const customer = await customers.get(id);
        if (customer === undefined) throw new CrmError('NOT_FOUND', { params: { entity: 'customer', id }, details: { id } });
        return { status: 200, body: await s.scoring.score(customer, s.now()) };
      },
    }),
    route({
      method: 'get',
      path: '/segments',
      tag: 'scores',
      summary: 'The stored segment rules',
      responses: { 200: SegmentListSchema },
      handle: async () => ({ status: 200, body: { items: [...s.segments.values()] } }),
    }),
    route({
      method: 'get',
      path: '/segments/:id/members',
      tag: 'scores',
      summary: 'Customers a stored rule selects now, in id order, a page at a time',
      query: [
        { name: 'limit', description: 'page size, 1 to 1000 (default 50)', integer: true },
        { name: 'cursor', description: 'nextCursor of the previous page' },
      ],
      responses: { 200: SegmentMembersSchema },
      async handle(c) {
        const segmentId = c.req.param('id') as string;
        const segment = s.segments.get(segmentId);
        if (segment === undefined) throw new CrmError('NOT_FOUND', { params: { entity: 'segment', id: segmentId }, details: { id: segmentId } });
        const limit = limitOf(c.req.query('limit'));
        const after = c.req.query('cursor') ?? '';
        const asOf = s.now();
        const metrics = await s.scoring.metrics(asOf);
        const selects = compileSegment(segment.rule, { asOf });
        // In memory: stream the customers after the cursor and test each (PostgreSQL: toSql).
        const items: { id: string; displayName: string }[] = [];
        let more = false;
        for await (const customer of customers.stream({ batchSize: 500 })) {
          if (customer.id <= after) continue;
          if (!selects(customer, metrics.get(customer.id))) continue;
          if (items.length === limit) {
            more = true;
            break;
          }
          items.push({ id: customer.id, displayName: customer.displayName });
        }
        const last = items[items.length - 1];
        return { status: 200, body: { segmentId, items, ...(more && last ? { nextCursor: last.id } : {}) } };
      },
    }),
  ];
}
