/**
 * Customers: create (with the duplicate check at entry), read, update under `If-Match`, list.
 * The ETag of a customer is its version; an update must carry it, so two people editing the same
 * customer never silently overwrite each other (412 for the one who was late, 428 without it).
 */
import { CrmError, type Customer, type CustomerInput, type CustomerPatch, createCustomer, updateCustomer } from 'crmkit';
import { CustomerInputSchema, CustomerSchema } from 'crmkit/customer';
import { updateWithRetry } from 'crmkit/service';
import { type Services, limitOf } from '../context';
import { withStatus } from '../problem';
import { type Reply, route } from '../route';
import { CreatedCustomerSchema, CustomerPageSchema, CustomerPatchSchema } from '../schemas';

const etag = (c: Customer) => `"${c.version}"`;

/** The version in `If-Match: "3"` (or `W/"3"`); 428 when the header is missing. */
function ifMatchVersion(header: string | undefined): number {
  if (header === undefined) throw withStatus(new CrmError('INVALID_ARGUMENT', { params: { field: 'If-Match', rule: 'is required' } }), 428);
  const m = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!m) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'If-Match', rule: 'must be a whole number, at least 1' } });
  return Number(m[1]);
}

export function customerRoutes(s: Services) {
  const { customers } = s.repositories;
  const found = async (id: string): Promise<Customer> => {
    const c = await customers.get(id);
    if (c === undefined) throw new CrmError('NOT_FOUND', { params: { entity: 'customer', id }, details: { id } });
    return c;
  };
  return [
    route({
      method: 'post',
      path: '/customers',
      tag: 'customers',
      summary: 'Create a customer; likely duplicates come back with it (or 409 when the policy blocks them)',
      // createCustomer validates the input itself (with crmkit's rules, in the client's language).
      documentedBody: CustomerInputSchema,
      responses: { 201: CreatedCustomerSchema },
      async handle(c, { locale }) {
        // A request body is of unknown shape: typed as CustomerInput for the compiler, validated by createCustomer.
        let input: CustomerInput;
        try {
          input = (await c.req.json()) as CustomerInput;
        } catch {
          throw new CrmError('INVALID_ARGUMENT', { params: { field: 'body', rule: 'not valid JSON' } });
        }
        const { customer, events } = createCustomer(input, { now: s.now(), locale });
        const pairs = s.duplicates.match(customer);
        const likelyDuplicates = pairs.map((p) => ({ customerId: p.a === customer.id ? p.b : p.a, status: p.status, score: p.score }));
        if (s.duplicatePolicy === 'block' && likelyDuplicates.length > 0) {
          throw new CrmError('LIKELY_DUPLICATE', {
            params: { entity: 'customer', count: likelyDuplicates.length },
            details: { candidates: likelyDuplicates.map((d) => d.customerId) },
          });
        }
        // The customer and its CustomerRegistered event commit together (one transaction on PostgreSQL).
        const stored = await s.storage.transact(async ({ repositories, outbox }) => {
          const saved = await repositories.customers.save(customer, { expectedVersion: 0 });
          await outbox.enqueue(`customer:${saved.id}:v1`, events, { now: s.now() });
          return saved;
        });
        s.duplicates.add(stored);
        return { status: 201, body: { customer: stored, likelyDuplicates }, headers: { etag: etag(stored), location: `/customers/${stored.id}` } };
      },
    }),
    route({
      method: 'get',
      path: '/customers/:id',
      tag: 'customers',
      summary: 'Read a customer (ETag: its version)',
      responses: { 200: CustomerSchema },
      async handle(c) {
        const customer = await found(c.req.param('id') as string);
        return { status: 200, body: customer, headers: { etag: etag(customer) } };
      },
    }),
    route({
      method: 'patch',
      path: '/customers/:id',
      tag: 'customers',
      summary: 'Update a customer: If-Match must carry the version read (412 when stale, 428 when missing)',
      headers: [{ name: 'If-Match', required: true, description: 'the ETag (version) of the customer as read' }],
      body: CustomerPatchSchema,
      responses: { 200: CustomerSchema },
      async handle(c, { locale }): Promise<Reply> {
        const id = c.req.param('id') as string;
        const expectedVersion = ifMatchVersion(c.req.header('if-match'));
        // Checked against CustomerPatchSchema by mount(); passed on as sent, not as zod's output, so
        // absent fields stay absent (no defaults filled in). updateCustomer validates the result.
        const patch = (await c.req.json()) as CustomerPatch;
        const r = await s.storage.transact(async ({ repositories, outbox }) => {
          const updated = await updateWithRetry(repositories.customers, id, (current) => updateCustomer(current, patch, { now: s.now(), locale }), { expectedVersion });
          if (updated.saved) await outbox.enqueue(`customer:${id}:v${updated.customer.version}`, updated.events, { now: s.now() });
          return updated;
        });
        if (r.saved) {
          s.duplicates.remove(id);
          s.duplicates.add(r.customer);
        }
        return { status: 200, body: r.customer, headers: { etag: etag(r.customer) } };
      },
    }),
    route({
      method: 'get',
      path: '/customers',
      tag: 'customers',
      summary: 'List customers in id order, a page at a time (pass nextCursor back as cursor)',
      query: [
        { name: 'limit', description: 'page size, 1 to 1000 (default 50)', integer: true },
        { name: 'cursor', description: 'nextCursor of the previous page' },
      ],
      responses: { 200: CustomerPageSchema },
      async handle(c) {
        const cursor = c.req.query('cursor');
        const page = await customers.list({ limit: limitOf(c.req.query('limit')), ...(cursor ? { cursor } : {}) });
        return { status: 200, body: page.nextCursor === undefined ? { items: page.items } : page };
      },
    }),
  ];
}
