import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IdCodes } from '../../src/customer/idCodes';
import { summarizeTransactionsColumns } from 'crmkit/clv';
import { thrownCode as code } from '../errors';

describe('IdCodes', () => {
  it('gives each distinct id the next integer in first-seen order, whatever the runs of equal ids (second implementation: indexOf over the distinct list, fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 40 }), (ids) => {
        const coder = new IdCodes();
        const got = ids.map((id) => coder.code(id));
        const distinct = [...new Set(ids)];
        expect(coder.ids).toEqual(distinct);
        expect(got).toEqual(ids.map((id) => distinct.indexOf(id)));
      }),
    );
  });

  it('does not take a missing first id for the previous one (the columns path still refuses it)', () => {
    const coder = new IdCodes();
    expect(coder.code(undefined as never)).toBe(0);
    const asOf = new Date('2026-03-01T00:00:00Z');
    expect(code(() => summarizeTransactionsColumns({ currency: 'CNY', customerId: [undefined as never], amountMinor: [1], occurredAtMs: [0] }, { asOf }))).toBe('INVALID_ARGUMENT');
  });
});
