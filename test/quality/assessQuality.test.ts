import { describe, expect, it } from 'vitest';
import { assessQuality, lastContactByCustomer, renderQualityReport } from 'crmkit/quality';
import { expectThrowsCode, organization, person } from './helpers';

const asOf = new Date('2026-06-01T00:00:00Z');
const d = (s: string) => new Date(`${s}T00:00:00Z`);

// Five records built so every expected count can be read off by hand.
const customers = [
  // fresh, complete person
  person('p1', '李雷', { updatedAt: d('2026-05-01'), ownerId: 'u-1', contactPoints: [{ type: 'phone', value: '+8613812345678' }, { type: 'email', value: 'li@example.cn' }] }),
  // old, invalid mobile (12 digits starting with 1) and invalid email
  person('p2', '韩梅梅', { updatedAt: d('2024-01-01'), contactPoints: [{ type: 'phone', value: '138123456789' }, { type: 'email', value: 'nope' }] }),
  // old but contacted recently; duplicate of p1 by phone and name
  person('p3', '李 雷', { updatedAt: d('2024-06-01'), contactPoints: [{ type: 'phone', value: '138 1234 5678' }] }),
  // organisation with a bad USCC (check character wrong), old, never contacted
  organization('o1', '星河科技有限公司', '91350100M000100Y44', { updatedAt: d('2025-01-01'), ownerId: 'u-2' }),
  // organisation, fresh
  organization('o2', '海天贸易有限公司', undefined, { updatedAt: d('2026-01-01') }),
];

describe('assessQuality', () => {
  const contacts = lastContactByCustomer([
    { customerId: 'p3', occurredAt: d('2026-04-01') },
    { customerId: 'p2', occurredAt: d('2023-01-01') },
    { customerId: 'p3', occurredAt: d('2025-01-01') },
  ]);
  const report = assessQuality(customers, { asOf, staleAfter: 365, required: ['phone', 'email', 'ownerId', 'person.birthDate', 'organization.uscc'], lastContactedAt: contacts });

  it('measures completeness per field, over the records the field applies to', () => {
    expect(report.completeness).toEqual([
      { field: 'phone', applicable: 5, filled: 3, ratio: 0.6 }, // p1 p2 p3
      { field: 'email', applicable: 5, filled: 2, ratio: 0.4 }, // p1 p2
      { field: 'ownerId', applicable: 5, filled: 2, ratio: 0.4 }, // p1 o1
      { field: 'person.birthDate', applicable: 3, filled: 0, ratio: 0 },
      { field: 'organization.uscc', applicable: 2, filled: 1, ratio: 0.5 }, // o1 (filled, though invalid)
    ]);
  });

  it('counts invalid values per validation rule', () => {
    expect(report.invalid).toEqual([
      { code: 'cn_mobile', records: 1, occurrences: 1 },
      { code: 'email', records: 1, occurrences: 1 },
      { code: 'uscc', records: 1, occurrences: 1 },
    ]);
    expect(report.invalidIds).toEqual(['p2', 'o1']);
  });

  it('finds stale records: not updated since 2025-06-01 and not contacted since either', () => {
    // not updated: p2 (2024-01), p3 (2024-06), o1 (2025-01); not contacted: p1, p2, o1, o2 (p3 on 2026-04-01)
    expect(report.stale).toEqual({ staleAfterDays: 365, notUpdated: 3, notContacted: 4, stale: 2, staleIds: ['p2', 'o1'] });
    const withoutContacts = assessQuality(customers, { asOf, duplicates: false });
    expect(withoutContacts.stale.staleIds).toEqual(['p2', 'p3', 'o1']);
    expect(withoutContacts.duplicates).toBeUndefined();
  });

  it('counts duplicates', () => {
    expect(report.duplicates).toEqual({ clusters: 1, records: 2, surplus: 1, reviewPairs: 0 });
  });

  it('renders in English and Chinese without personal data', () => {
    const en = renderQualityReport(report);
    const zh = renderQualityReport(report, { locale: 'zh-CN' });
    expect(en).toContain('Data quality report (as of 2026-06-01, 5 records)');
    // 'organization.uscc' (17 characters) sets the column width: 'phone' + 12 spaces, 2 spaces, ' 60.0%'
    expect(en).toContain(`  phone${' '.repeat(12)}   60.0%  (3/5)`);
    expect(en).toContain('  uscc: 1');
    expect(en).toContain('  not contacted within 365 days: 4');
    expect(zh).toContain('  重复组：1');
    for (const text of [en, zh]) for (const secret of ['李雷', '138', 'nope', 'li@example.cn', '91350100']) expect(text).not.toContain(secret);
  });

  it('rejects bad options', () => {
    expectThrowsCode(() => assessQuality(customers, { asOf: new Date('x') }), 'INVALID_DATE');
    expectThrowsCode(() => assessQuality(customers, { asOf, staleAfter: -1 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => assessQuality(customers, { asOf, required: ['nope' as 'phone'] }), 'INVALID_ARGUMENT');
  });
});
