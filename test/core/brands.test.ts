// Two copies of crmkit in one process (the ESM and CommonJS builds, or two installed versions) must
// recognise each other's CrmError and combine each other's Money. vi.resetModules() gives a second,
// independent copy of the source modules: its classes are distinct, so `instanceof` fails across
// them (asserted below, which shows the copies really are separate) and only the brands connect them.
// scripts/check-dual.mjs checks the same on the built ESM and CJS files.
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import * as one from '../../src/core';
import { expectThrowsCode as expectCrmError } from '../errors';

async function secondCopy(): Promise<typeof one> {
  vi.resetModules();
  // A query string makes vite load a fresh module instance: a second copy of the kernel.
  const specifier: string = '../../src/core/index?copy=2';
  return (await import(/* @vite-ignore */ specifier)) as typeof one;
}

describe('brands across copies', () => {
  it('isCrmError recognises a CrmError from another copy, with its code', async () => {
    const two = await secondCopy();
    const foreign = new two.CrmError('NOT_FOUND', { params: { entity: 'customer', id: 'c-1' } });
    expect(foreign instanceof one.CrmError).toBe(false);
    expect(one.isCrmError(foreign)).toBe(true);
    expect(one.isCrmError(foreign, 'NOT_FOUND')).toBe(true);
    expect(one.isCrmError(foreign, 'INVALID_ARGUMENT')).toBe(false);
  });

  it('isCrmError rejects look-alikes: plain errors, objects with a code, hostile proxies', () => {
    expect(one.isCrmError(new Error('x'))).toBe(false);
    expect(one.isCrmError({ name: 'CrmError', code: 'NOT_FOUND' })).toBe(false);
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); } });
    expect(one.isCrmError(hostile)).toBe(false);
    expect(one.isCrmError(null)).toBe(false);
  });

  it('Money from another copy combines exactly, compares and equals', async () => {
    const two = await secondCopy();
    const a = one.Money.of('19.99', 'CNY');
    const b = two.Money.of('0.01', 'CNY');
    expect(b instanceof one.Money).toBe(false);
    expect(one.Money.isMoney(b)).toBe(true);
    // 19.99 + 0.01 = 20.00 and 19.99 - 0.01 = 19.98, by hand.
    expect(a.plus(b).toString()).toBe('20.00 CNY');
    expect(a.minus(b).toString()).toBe('19.98 CNY');
    expect(a.compare(b)).toBe(1);
    expect(one.Money.sum([a, b], 'CNY').toString()).toBe('20.00 CNY');
    expect(b.equals(two.Money.of('0.010', 'CNY'))).toBe(true);
    expect(a.equals(two.Money.of('19.99', 'CNY'))).toBe(true);
  });

  it('a foreign Money in another currency still fails with CURRENCY_MISMATCH; a fake with INVALID_MONEY', async () => {
    const two = await secondCopy();
    expectCrmError(() => one.Money.of('1', 'CNY').plus(two.Money.of('1', 'USD')), 'CURRENCY_MISMATCH');
    const fake = { amount: '1.00', currency: 'CNY' } as unknown as one.Money;
    expectCrmError(() => one.Money.of('1', 'CNY').plus(fake), 'INVALID_MONEY');
  });

  it('MoneySchema accepts a Money from another copy and returns one of its own', async () => {
    const two = await secondCopy();
    const parsed = one.MoneySchema.parse(two.Money.of('12.30', 'CNY'));
    expect(parsed instanceof one.Money).toBe(true);
    expect(parsed.toString()).toBe('12.30 CNY');
  });
});

describe('Money for people and JSON', () => {
  it('shows amount and currency in util.inspect / console.log, JSON and strings', () => {
    const m = one.Money.of('1234.5', 'CNY');
    expect(inspect(m)).toBe('Money(1234.50 CNY)');
    expect(inspect({ total: m })).toBe('{ total: Money(1234.50 CNY) }');
    expect(JSON.stringify({ total: m })).toBe('{"total":{"amount":"1234.50","currency":"CNY"}}');
    expect(`${m}`).toBe('1234.50 CNY');
  });
});
