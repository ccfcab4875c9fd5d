/** Scores of one customer. */
import { CrmError } from 'crmkit';
import type { Services } from '../context';
import { route } from '../route';
import { ScoresSchema } from '../schemas';

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
  ];
}
