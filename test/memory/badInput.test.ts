import { describe, expect, it } from 'vitest';
import { createMemoryRepositories } from 'crmkit/memory';
import { sampleCustomer, sampleTransaction } from 'crmkit/testing';

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('memory repositories: bad input', () => {
  it('rejects forged cursors and out-of-range page sizes with INVALID_ARGUMENT', async () => {
    const { customers, transactions } = createMemoryRepositories();
    await customers.save(sampleCustomer(1));
    expect(await codeOf(customers.list({ cursor: 'not-a-cursor' }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(customers.list({ limit: 0 }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(customers.list({ limit: 1001 }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(customers.list({ limit: 2.5 }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(transactions.listByCustomer('c', { cursor: Buffer.from('{"a":1}').toString('base64url') }))).toBe('INVALID_ARGUMENT');
  });

  it('rejects a negative expectedVersion and a wrongly typed customer', async () => {
    const { customers } = createMemoryRepositories();
    expect(await codeOf(customers.save(sampleCustomer(1), { expectedVersion: -1 }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(customers.save({ ...sampleCustomer(1), version: 'one' } as never))).toBe('VALIDATION_FAILED');
    expect(await customers.count()).toBe(0);
  });

  it('rejects transactions with negative or malformed money, and non-dates', async () => {
    const { transactions } = createMemoryRepositories();
    const t = sampleTransaction(1, 'c-1');
    expect(await codeOf(transactions.append({ ...t, amount: t.amount.negated() }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(transactions.append({ ...t, amount: { amount: 'abc', currency: 'CNY' } } as never))).toBe('VALIDATION_FAILED');
    expect(await codeOf(transactions.append({ ...t, occurredAt: new Date('nope') }))).toBe('VALIDATION_FAILED');
    expect(await transactions.get(t.id)).toBeUndefined();
  });
});
