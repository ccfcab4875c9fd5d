// Consent by purpose. Expected answers are read off the rules written in consentStatus's TSDoc
// (latest covering entry at or before asOf decides; withdrawal wins a tie; PIPL arts. 23/39 need
// separate consent), worked by hand per case; the property test compares with a second, naive
// implementation that replays the history in time order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sequentialIds } from 'crmkit';
import { CONSENT_CHANNELS, type ConsentChannel } from 'crmkit/customer';
import {
  CONSENT_PURPOSES,
  type ConsentPurpose,
  type ConsentRecord,
  consentReasonText,
  consentStatus,
  grantConsent,
  migrateChannelConsent,
  withdrawConsent,
} from 'crmkit/privacy';
import { expectThrowsCode } from '../errors';

const d = (s: string) => new Date(s);
const base = { customerId: 'c-1', method: 'checkbox', policyVersion: '2026-01' } as const;

describe('grantConsent / withdrawConsent', () => {
  it('append to the history, return events, never change the input', () => {
    const newId = sequentialIds('k');
    const g = grantConsent([], { ...base, channel: 'sms', purpose: 'marketing', lawfulBasis: 'consent' }, { now: d('2026-01-05T09:00:00Z'), newId });
    const w = withdrawConsent(g.records, { customerId: 'c-1', channel: 'all', purpose: 'all', method: 'in-app' }, { now: d('2026-02-01T00:00:00Z'), newId });
    expect(g.records).toHaveLength(1);
    expect(w.records.map((r) => [r.id, r.action])).toEqual([['k-1', 'grant'], ['k-2', 'withdraw']]);
    expect(w.records[0]).toBe(g.records[0]);
    expect(Object.isFrozen(w.records)).toBe(true);
    expect(g.events[0]).toMatchObject({ type: 'ConsentGranted', customerId: 'c-1', occurredAt: d('2026-01-05T09:00:00Z') });
    expect(w.events[0]).toMatchObject({ type: 'ConsentWithdrawn', record: { channel: 'all', purpose: 'all' } });
  });

  it('copies the caller Dates', () => {
    const at = d('2026-01-05T09:00:00Z');
    const g = grantConsent([], { ...base, channel: 'sms', purpose: 'marketing', lawfulBasis: 'consent', givenAt: at }, { now: at, newId: () => 'k' });
    at.setTime(0);
    expect((g.records[0] as { givenAt: Date }).givenAt.toISOString()).toBe('2026-01-05T09:00:00.000Z');
  });

  it('refuses bad input with codes, never echoing values', () => {
    const now = d('2026-01-01T00:00:00Z');
    const e = expectThrowsCode(() => grantConsent([], { ...base, channel: 'sms', purpose: 'spam' as 'marketing', lawfulBasis: 'consent' }, { now }), 'VALIDATION_FAILED');
    expect(e.message).not.toContain('spam');
    expectThrowsCode(() => grantConsent([], { ...base, channel: 'sms', purpose: 'marketing', lawfulBasis: 'consent' }, { now: d('x') }), 'INVALID_DATE');
    const other = grantConsent([], { ...base, customerId: 'c-2', channel: 'sms', purpose: 'marketing', lawfulBasis: 'consent' }, { now, newId: () => 'a' }).records;
    expectThrowsCode(() => withdrawConsent(other, { customerId: 'c-1', channel: 'sms', purpose: 'marketing', method: 'in-app' }, { now }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => grantConsent(other, { ...base, customerId: 'c-2', channel: 'sms', purpose: 'marketing', lawfulBasis: 'consent' }, { now, newId: () => 'a' }), 'DUPLICATE_ID');
    expectThrowsCode(() => consentStatus([], { channel: 'fax' as 'sms', purpose: 'marketing', asOf: now }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => consentStatus([], { channel: 'sms', purpose: 'x' as 'marketing', asOf: now }), 'INVALID_ARGUMENT');
  });
});

describe('consentStatus (hand-worked cases)', () => {
  const grant = (over: Partial<ConsentRecord> & Record<string, unknown>): ConsentRecord =>
    ({ id: 'g', ...base, channel: 'sms', purpose: 'marketing', action: 'grant', lawfulBasis: 'consent', givenAt: d('2026-01-05T00:00:00Z'), ...over }) as ConsentRecord;
  const withdrawal = (over: Record<string, unknown>): ConsentRecord =>
    ({ id: 'w', customerId: 'c-1', method: 'in-app', channel: 'sms', purpose: 'marketing', action: 'withdraw', withdrawnAt: d('2026-02-01T00:00:00Z'), ...over }) as ConsentRecord;
  const q = (asOf: string, channel: ConsentChannel = 'sms', purpose: ConsentPurpose = 'marketing') => ({ channel, purpose, asOf: d(asOf) });

  it('no record, consented, withdrawn, asOf before the grant', () => {
    expect(consentStatus([], q('2026-03-01'))).toEqual({ allowed: false, reason: 'no-record', record: null });
    const g = grant({});
    expect(consentStatus([g], q('2026-01-06'))).toEqual({ allowed: true, reason: 'consented', record: g });
    expect(consentStatus([g], q('2026-01-04')).reason).toBe('no-record');
    const w = withdrawal({});
    expect(consentStatus([g, w], q('2026-03-01'))).toEqual({ allowed: false, reason: 'withdrawn', record: w });
    expect(consentStatus([w, g], q('2026-01-20')).reason).toBe('consented');
  });

  it('a grant after a withdrawal allows again; a tie goes to the withdrawal', () => {
    const regrant = grant({ id: 'g2', givenAt: d('2026-03-01T00:00:00Z') });
    expect(consentStatus([grant({}), withdrawal({}), regrant], q('2026-03-02')).record).toBe(regrant);
    const tie = withdrawal({ withdrawnAt: d('2026-01-05T00:00:00Z') });
    expect(consentStatus([grant({}), tie], q('2026-01-06')).reason).toBe('withdrawn');
    expect(consentStatus([tie, grant({})], q('2026-01-06')).reason).toBe('withdrawn');
  });

  it('all-channel and all-purpose withdrawals cover every pair; others do not', () => {
    const rs = [grant({}), grant({ id: 'g2', channel: 'email' }), withdrawal({ channel: 'all', purpose: 'all' })];
    expect(consentStatus(rs, q('2026-03-01', 'email')).reason).toBe('withdrawn');
    const onlyEmail = [grant({}), withdrawal({ channel: 'email' })];
    expect(consentStatus(onlyEmail, q('2026-03-01')).reason).toBe('consented');
    const onlyService = [grant({}), withdrawal({ purpose: 'service' })];
    expect(consentStatus(onlyService, q('2026-03-01')).reason).toBe('consented');
  });

  it('expiry, lawful bases, separate consent (PIPL arts. 23 and 39)', () => {
    expect(consentStatus([grant({ expiresAt: d('2026-02-01T00:00:00Z') })], q('2026-02-01')).reason).toBe('expired');
    expect(consentStatus([grant({ purpose: 'service', lawfulBasis: 'contract' })], q('2026-02-01', 'sms', 'service'))).toMatchObject({ allowed: true, reason: 'lawful-basis' });
    expect(consentStatus([grant({ purpose: 'cross-border-transfer' })], q('2026-02-01', 'sms', 'cross-border-transfer')).reason).toBe('separate-consent-required');
    expect(consentStatus([grant({ purpose: 'third-party-sharing', lawfulBasis: 'separate-consent' })], q('2026-02-01', 'sms', 'third-party-sharing')).allowed).toBe(true);
  });

  it('reasons read in en and zh-CN', () => {
    expect(consentReasonText('separate-consent-required', 'zh-CN')).toBe('该目的需要取得单独同意');
    expect(consentReasonText('expired', 'en')).toBe('the consent has expired');
  });
});

describe('consentStatus agrees with a naive replay (property)', () => {
  // The second implementation: sort the covering entries by time, withdrawals after grants at the
  // same instant, then by id, and take the last one.
  const naive = (records: readonly ConsentRecord[], channel: string, purpose: string, asOf: number): boolean => {
    const at = (r: ConsentRecord) => (r.action === 'grant' ? r.givenAt : r.withdrawnAt).getTime();
    const covering = records
      .filter((r) => (r.channel === channel || r.channel === 'all') && (r.purpose === purpose || r.purpose === 'all') && at(r) <= asOf)
      .sort((a, b) => at(a) - at(b) || (a.action === b.action ? (a.id < b.id ? -1 : 1) : a.action === 'withdraw' ? 1 : -1));
    const last = covering.at(-1);
    if (last === undefined || last.action === 'withdraw') return false;
    if (last.expiresAt !== undefined && last.expiresAt.getTime() <= asOf) return false;
    return !(last.lawfulBasis === 'consent' && (purpose === 'third-party-sharing' || purpose === 'cross-border-transfer'));
  };
  const day = fc.integer({ min: 0, max: 20 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)));
  const record = fc.oneof(
    fc.record({
      channel: fc.constantFrom('sms', 'email', 'all'), purpose: fc.constantFrom('marketing', 'cross-border-transfer'),
      lawfulBasis: fc.constantFrom('consent', 'separate-consent', 'contract'), givenAt: day, expiresAt: fc.option(day, { nil: undefined }),
    }).map((r) => ({ ...r, action: 'grant' as const })),
    fc.record({ channel: fc.constantFrom('sms', 'email', 'all'), purpose: fc.constantFrom('marketing', 'cross-border-transfer', 'all'), withdrawnAt: day })
      .map((r) => ({ ...r, action: 'withdraw' as const })),
  );
  it('for random histories', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), day, fc.constantFrom('sms', 'email'), fc.constantFrom('marketing', 'cross-border-transfer'), (rs, asOf, channel, purpose) => {
        const records = rs.map((r, i) => ({ ...r, id: `k-${i}`, customerId: 'c-1', method: 'checkbox', ...(r.action === 'grant' && { policyVersion: 'p' }) }) as ConsentRecord);
        expect(consentStatus(records, { channel, purpose, asOf }).allowed).toBe(naive(records, channel, purpose, asOf.getTime()));
      }),
    );
  });
});

describe('migrateChannelConsent', () => {
  it('turns each flag into a record with a stable id, skipping flags after asOf', () => {
    const at = d('2025-06-01T00:00:00Z');
    const customer = { id: 'c-1', consent: { sms: { granted: true, updatedAt: at, source: 'store' }, email: { granted: false, updatedAt: at }, push: { granted: true, updatedAt: d('2027-01-01') } } };
    const records = migrateChannelConsent(customer, { asOf: d('2026-03-01T00:00:00Z'), policyVersion: 'legacy' });
    expect(records).toEqual([
      { id: 'c-1:consent:sms', customerId: 'c-1', channel: 'sms', method: 'imported', source: 'store', purpose: 'marketing', action: 'grant', lawfulBasis: 'consent', givenAt: at, policyVersion: 'legacy' },
      { id: 'c-1:consent:email', customerId: 'c-1', channel: 'email', method: 'imported', purpose: 'marketing', action: 'withdraw', withdrawnAt: at },
    ]);
    // The migrated records answer as the flags did, for every channel.
    for (const channel of CONSENT_CHANNELS) {
      const flag = channel === 'sms';
      expect(consentStatus(records, { channel, purpose: 'marketing', asOf: d('2026-03-01') }).allowed, channel).toBe(flag);
    }
    expect(migrateChannelConsent(customer, { asOf: d('2026-03-01T00:00:00Z'), policyVersion: 'legacy' })).toEqual(records);
    expect(CONSENT_PURPOSES).toContain('marketing');
  });
});
