import { describe, expect, it } from 'vitest';
import { careTasks } from 'crmkit/lifecycle';
import { d, throwsCode } from './helpers';

const granted = { granted: true, updatedAt: d('2020-01-01') };
const person = (id: string, birth: string | undefined, createdAt: string, consent: Record<string, typeof granted> = { sms: granted }) => ({
  id,
  kind: 'person' as const,
  person: birth === undefined ? {} : { birthDate: d(birth) },
  createdAt: d(createdAt),
  consent,
  ownerId: 'u-1',
});

describe('careTasks (dates hand-derived from the calendar)', () => {
  it('birthdays, anniversaries and holidays inside the range, ordered by date', () => {
    const r = careTasks([person('a', '1988-03-15', '2023-03-20'), person('b', undefined, '2026-03-01')], {
      from: '2026-03-01',
      to: '2026-03-31',
      holidays: [{ id: 'womens_day', month: 3, day: 8 }, { id: 'lunar_x', dates: ['2026-03-25', '2027-03-14'] }],
    });
    expect(r.tasks.map((t) => [t.on, t.customerId, t.kind, t.years ?? t.holidayId ?? null])).toEqual([
      ['2026-03-08', 'a', 'holiday', 'womens_day'],
      ['2026-03-08', 'b', 'holiday', 'womens_day'],
      ['2026-03-15', 'a', 'birthday', null],
      ['2026-03-20', 'a', 'anniversary', 3], // joined 2023-03-20: 3 years
      ['2026-03-25', 'a', 'holiday', 'lunar_x'],
      ['2026-03-25', 'b', 'holiday', 'lunar_x'],
      // b joined 2026-03-01: the joining day itself is not an anniversary.
    ]);
    expect(r.tasks[0]).toEqual({ customerId: 'a', kind: 'holiday', on: '2026-03-08', channel: 'sms', ownerId: 'u-1', holidayId: 'womens_day' });
  });

  it('29 February birthdays fall on 28 February in common years; ranges across a year end', () => {
    const r = careTasks([person('leap', '2000-02-29', '2025-12-31')], { from: '2026-12-01', to: '2028-03-01', anniversaries: false });
    expect(r.tasks.map((t) => t.on)).toEqual(['2027-02-28', '2028-02-29']);
    const a = careTasks([person('y', undefined, '2024-12-31')], { from: '2026-12-01', to: '2027-01-31' });
    expect(a.tasks.map((t) => [t.on, t.years])).toEqual([['2026-12-31', 2]]);
  });

  it('only consented channels, in preference order; organisations get no birthday', () => {
    const r = careTasks(
      [
        person('none', '1990-01-10', '2020-01-01', { sms: { granted: false, updatedAt: d('2021-01-01') } }),
        person('mail', '1990-01-10', '2020-01-01', { email: granted, phone: granted }),
        { id: 'org', kind: 'organization' as const, createdAt: d('2020-01-12'), consent: { phone: granted } },
      ],
      { from: '2026-01-01', to: '2026-01-31' },
    );
    expect(r.skipped).toEqual(['none']);
    expect(r.tasks.map((t) => [t.customerId, t.kind, t.channel])).toEqual([
      ['mail', 'anniversary', 'email'], // Jan 1
      ['mail', 'birthday', 'email'], // Jan 10
      ['org', 'anniversary', 'phone'], // Jan 12
    ]);
  });

  it('bad input', () => {
    throwsCode(() => careTasks([], { from: '2026-02-01', to: '2026-01-01' }), 'INVALID_ARGUMENT');
    throwsCode(() => careTasks([], { from: '2026-02-30', to: '2026-03-01' }), 'INVALID_ARGUMENT');
    throwsCode(() => careTasks([], { from: '2026-01-01', to: '2036-01-01' }), 'INVALID_ARGUMENT');
    throwsCode(() => careTasks([], { from: '2026-01-01', to: '2026-02-01', holidays: [{ id: 'x', month: 13, day: 1 }] }), 'INVALID_ARGUMENT');
  });
});
