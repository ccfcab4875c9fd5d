export const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);

export { expectThrowsCode as throwsCode } from '../errors';

export const buy = (id: string, at: string, customerId = 'c-1') => ({ id, customerId, type: 'purchase' as const, occurredAt: d(at) });
export const refund = (id: string, at: string, customerId = 'c-1') => ({ id, customerId, type: 'refund' as const, occurredAt: d(at) });
