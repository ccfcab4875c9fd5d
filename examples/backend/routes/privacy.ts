/**
 * What a role may see of a customer (crmkit/privacy): the view with every field the role may not
 * read left out and every masked field masked, and the audit event of the view written to the
 * outbox. Who is asking comes from three headers here; a real service takes them from its
 * authentication (a verified token), never from the client as is.
 */
import { randomUUID } from 'node:crypto';
import { CrmError } from 'crmkit';
import { viewCustomer } from 'crmkit/privacy';
import type { Services } from '../context';
import { withStatus } from '../problem';
import { route } from '../route';
import { CustomerViewResponseSchema } from '../schemas';

export function privacyRoutes(s: Services) {
  const { customers } = s.repositories;
  return [
    route({
      method: 'get',
      path: '/customers/:id/view',
      tag: 'privacy',
      summary: 'The customer as the asking role may see it: fields left out or masked by the access policy (403 outside its scope)',
      headers: [
        { name: 'X-Role', required: true, description: 'the role in the access policy (stands in for your authentication)' },
        { name: 'X-Principal-Id', required: true, description: 'who is asking: matched against ownerId' },
        { name: 'X-Team-Ids', required: false, description: 'comma-separated teams of the principal: matched against teamId' },
      ],
      responses: { 200: CustomerViewResponseSchema },
      async handle(c) {
        const role = c.req.header('x-role');
        const principalId = c.req.header('x-principal-id');
        if (!role || !principalId) throw withStatus(new CrmError('INVALID_ARGUMENT', { params: { field: 'X-Role, X-Principal-Id', rule: 'is required' } }), 401);
        // An unknown role is refused like a role out of scope, and the header is not echoed.
        if (!s.policy.roles.has(role)) throw new CrmError('FORBIDDEN', { params: { action: 'read', entity: 'customer' } });
        const teamIds = (c.req.header('x-team-ids') ?? '').split(',').map((t) => t.trim()).filter(Boolean);
        const id = c.req.param('id') as string;
        const customer = await customers.get(id);
        if (customer === undefined) throw new CrmError('NOT_FOUND', { params: { entity: 'customer', id }, details: { id } });
        const now = s.now();
        const { view, audit } = viewCustomer(s.policy, { id: principalId, role, teamIds }, customer, { now });
        // The access record (who saw which personal fields, in full or masked) leaves through the outbox.
        await s.outbox.enqueue(`view:${id}:${randomUUID()}`, [audit], { now });
        return { status: 200, body: { view, revealed: audit.revealed, masked: audit.masked } };
      },
    }),
  ];
}
