import { describe, expect, it } from 'vitest';
import { CrmError, createCustomer, customerJsonSchema, isCrmError, sequentialIds, updateCustomer, type CustomerInput } from 'crmkit';

const now = new Date('2026-03-01T08:00:00Z');

function caught(fn: () => unknown): CrmError {
  try {
    fn();
  } catch (e) {
    if (isCrmError(e)) return e;
    throw e;
  }
  throw new Error('expected a CrmError');
}

describe('createCustomer', () => {
  it('is typed on CustomerInput: a misspelt kind does not compile, and is refused at run time too', () => {
    const typo = () =>
      // @ts-expect-error 'persn' is not a customer kind
      createCustomer({ kind: 'persn', displayName: 'Ann' }, { now });
    expect(typo).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('parses, normalises, stamps and returns a CustomerRegistered event', () => {
    const input: CustomerInput = { kind: 'person', displayName: ' 王 芳 ', contactPoints: [{ type: 'phone', value: '139 1234 5678' }], tags: ['VIP'] };
    const frozen = structuredClone(input);
    const { customer, events } = createCustomer(input, { now, newId: sequentialIds('c') });
    expect(customer).toMatchObject({ id: 'c-1', displayName: '王 芳', tags: ['vip'], version: 1, lifecycleStage: 'prospect' });
    expect(customer.contactPoints).toEqual([{ type: 'phone', value: '+8613912345678' }]);
    expect(customer.createdAt).toEqual(now);
    expect(events).toEqual([{ type: 'CustomerRegistered', customerId: 'c-1', occurredAt: now, customer }]);
    expect(input).toEqual(frozen); // input untouched
  });

  it('models a government account with departments and several contacts', () => {
    const { customer } = createCustomer(
      {
        id: 'gov-1',
        kind: 'organization',
        displayName: '某市大数据局',
        organization: {
          legalName: '某市大数据管理局',
          type: 'government',
          uscc: '91350100M000100Y43',
          departments: [{ id: 'd1', name: '信息中心' }],
          contacts: [
            { id: 'p1', name: '张伟', role: 'decision_maker', departmentId: 'd1' },
            { id: 'p2', name: '李娜', role: 'purchaser', contactPoints: [{ type: 'email', value: 'lina@example.gov.cn' }] },
          ],
        },
      },
      { now },
    );
    expect(customer.organization?.contacts.map((c) => c.role)).toEqual(['decision_maker', 'purchaser']);
  });

  it('throws VALIDATION_FAILED with every issue, and no personal value in message or details', () => {
    const e = caught(() =>
      createCustomer({ kind: 'person', displayName: 'x', contactPoints: [{ type: 'phone', value: '1391234' }, { type: 'email', value: 'who@' }] }, { now }),
    );
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details.issues?.map((i) => i.code)).toEqual(['cn_mobile', 'email']);
    expect(e.message).toBe('customer failed validation: 2 issue(s): cn_mobile, email');
    // Expected text: the zh-CN catalogue's VALIDATION_FAILED template with 客户 for the entity (no English left).
    expect(e.localizedMessage('zh-CN')).toBe('客户未通过校验：2 个问题：cn_mobile, email');
    expect(JSON.stringify(e)).not.toContain('1391234');
    expect(JSON.stringify(e)).not.toContain('who@');
  });

  it('requires a valid now (crmkit never reads the clock)', () => {
    expect(caught(() => createCustomer({ kind: 'person', displayName: 'x' }, { now: new Date('nope') })).code).toBe('INVALID_DATE');
  });
});

describe('updateCustomer', () => {
  const base = createCustomer({ id: 'c-1', kind: 'person', displayName: 'Ann', tags: ['new'] }, { now }).customer;

  it('returns a new customer with version + 1 and the changed fields, leaving the input alone', () => {
    const later = new Date('2026-03-02T00:00:00Z');
    const { customer, events } = updateCustomer(base, { tags: ['VIP'], ownerId: 'u-9' }, { now: later });
    expect(customer).toMatchObject({ version: 2, tags: ['vip'], ownerId: 'u-9', updatedAt: later, createdAt: now });
    expect(events[0]).toMatchObject({ type: 'CustomerUpdated', changes: ['tags', 'ownerId'], before: base, after: customer });
    expect(base.version).toBe(1);
    expect(base.tags).toEqual(['new']);
  });

  it('returns the same customer and no event when nothing changes', () => {
    const r = updateCustomer(base, { tags: ['NEW'] }, { now });
    expect(r.customer).toBe(base);
    expect(r.events).toEqual([]);
  });

  it('refuses immutable fields, time travel and invalid data with typed errors', () => {
    expect(caught(() => updateCustomer(base, { id: 'x' } as never, { now })).code).toBe('INVALID_ARGUMENT');
    expect(caught(() => updateCustomer(base, { ownerId: 'u' }, { now: new Date('2020-01-01') })).code).toBe('INVALID_ARGUMENT');
    expect(caught(() => updateCustomer(base, { displayName: '' }, { now })).code).toBe('VALIDATION_FAILED');
  });
});

describe('customerJsonSchema', () => {
  it('exports JSON Schema for adopters\' APIs, with money as { amount, currency }', () => {
    const schema = customerJsonSchema('Transaction') as { $defs?: Record<string, { properties?: Record<string, unknown> }> };
    const text = JSON.stringify(schema);
    expect(text).toContain('"currency"');
    expect(text).toContain('"purchase"');
    const customer = customerJsonSchema('Customer') as { $ref?: string; $defs?: Record<string, { required?: string[] }> };
    expect(customer.$defs?.Customer?.required).toEqual(expect.arrayContaining(['id', 'kind', 'displayName', 'createdAt', 'version']));
  });
});

describe('CrmError', () => {
  it('is an Error with a stable code, zh-CN message and JSON form', () => {
    const e = new CrmError('CONCURRENCY_CONFLICT', { params: { entity: 'customer', id: 'c-1', expected: 1, actual: 2 } });
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe('customer c-1 was changed by someone else (expected version 1, found 2)');
    expect(e.localizedMessage('zh-CN')).toBe('客户 c-1 已被他人修改（期望版本 1，实际版本 2）');
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ code: 'CONCURRENCY_CONFLICT', name: 'CrmError' });
  });
});
