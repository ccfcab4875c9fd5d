// Demo data: realistic but invented customers. Every phone number, email and ID below is made up.
import type { CustomerInput } from 'crmkit';
const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['芳', '伟', '娜', '敏', '静', '强', '磊', '洋', '艳', '军'];
const CITIES = [
  { region: '北京市', city: '北京市', postalCode: '100080' },
  { region: '上海市', city: '上海市', postalCode: '200120' },
  { region: '广东省', city: '深圳市', postalCode: '518000' },
  { region: '浙江省', city: '杭州市', postalCode: '310000' },
];
const MOBILE_PREFIXES = ['138', '139', '186', '159', '177', '199'];

/** Twenty mainland customers, persons, made up deterministically. */
export function mainlandPeople(): CustomerInput[] {
  return Array.from({ length: 20 }, (_, i) => {
    const name = `${FAMILY[i % 10]}${GIVEN[(i * 3 + Math.floor(i / 10)) % 10]}`;
    const city = CITIES[i % CITIES.length]!;
    return {
      kind: 'person',
      displayName: name,
      person: { familyName: name[0], givenName: name.slice(1), gender: i % 2 ? 'male' : 'female' },
      contactPoints: [
        { type: 'phone', value: `${MOBILE_PREFIXES[i % 6]} ${String(1000 + i * 37).padStart(4, '0')} ${String(5000 + i * 91).slice(0, 4)}`, primary: true },
        ...(i % 3 === 0 ? [{ type: 'email' as const, value: `user${i}@Example.CN` }] : []),
        ...(i % 4 === 0 ? [{ type: 'social' as const, network: 'wechat' as const, value: `wx_user_${i}` }] : []),
        { type: 'address', country: 'CN', region: city.region, city: city.city, line1: `示例路${i + 1}号`, postalCode: city.postalCode },
      ],
      tags: i % 5 === 0 ? ['VIP'] : ['Retail'],
      ownerId: `sales-${(i % 3) + 1}`,
      teamId: i % 2 ? 'north' : 'south',
      source: i % 2 ? 'referral' : 'wechat_mini_program',
      acquisitionChannel: i % 2 ? 'store' : 'online',
      consent: { sms: { granted: i % 4 !== 1, updatedAt: '2026-01-15' }, wechat: { granted: true, updatedAt: '2026-01-15' } },
    };
  });
}

/** International customers: persons with phones from several regions. */
export function internationalPeople(): CustomerInput[] {
  return [
    { kind: 'person', displayName: 'Emma Clarke', contactPoints: [{ type: 'phone', value: '+44 20 7946 0958' }, { type: 'email', value: 'emma.clarke@example.co.uk' }], tags: ['export'], ownerId: 'sales-4' },
    { kind: 'person', displayName: 'Lucas Martin', contactPoints: [{ type: 'phone', value: '+33 1 23 45 67 89' }], tags: ['export'], ownerId: 'sales-4' },
    { kind: 'person', displayName: 'Chan Tai Man', contactPoints: [{ type: 'phone', value: '+852 2345 6789' }], tags: ['hk'], ownerId: 'sales-4' },
    { kind: 'person', displayName: 'Sarah Johnson', contactPoints: [{ type: 'phone', value: '+1 415 555 2671' }, { type: 'email', value: 'Sarah.J@Example.com' }], tags: ['export', 'VIP'], ownerId: 'sales-4' },
  ];
}

/** Organisations: a government account with departments and several contacts, and two enterprises. */
export function organisations(): CustomerInput[] {
  return [
    {
      kind: 'organization',
      displayName: '示例市大数据管理局',
      organization: {
        legalName: '示例市大数据管理局',
        type: 'government',
        uscc: '91350100M000100Y43',
        industry: 'public administration',
        departments: [{ id: 'd-info', name: '信息中心' }, { id: 'd-fin', name: '财务处' }],
        contacts: [
          { id: 'p-1', name: '张局长', role: 'decision_maker', title: '副局长', contactPoints: [{ type: 'phone', value: '010 6552 9988' }] },
          { id: 'p-2', name: '李工', role: 'technical', departmentId: 'd-info', contactPoints: [{ type: 'email', value: 'li.gong@example.gov.cn' }] },
          { id: 'p-3', name: '王会计', role: 'finance', departmentId: 'd-fin' },
        ],
      },
      contactPoints: [{ type: 'address', country: 'CN', region: '福建省', city: '福州市', line1: '示例大道1号', postalCode: '350001' }],
      tags: ['Government', 'Key Account'],
      ownerId: 'sales-1',
      teamId: 'public-sector',
    },
    {
      kind: 'organization',
      displayName: 'ＡＢＣ 科技',
      organization: { legalName: 'ABC科技有限公司', type: 'enterprise', industry: 'software', contacts: [{ id: 'p-9', name: '陈经理', role: 'purchaser' }] },
      contactPoints: [{ type: 'phone', value: '0755-8888 6666' }],
      tags: ['Key Account'],
      ownerId: 'sales-2',
    },
    {
      kind: 'organization',
      displayName: 'Northwind Traders',
      organization: { legalName: 'Northwind Traders Ltd', type: 'enterprise', industry: 'wholesale', contacts: [] },
      contactPoints: [{ type: 'email', value: 'orders@northwind.example.com' }],
      ownerId: 'sales-4',
    },
  ];
}

/** Rows a real import would contain: each has something wrong. */
export function badRows(): unknown[] {
  return [
    { kind: 'person', displayName: '赵六', contactPoints: [{ type: 'phone', value: '12345678901' }] },
    { kind: 'person', displayName: '', contactPoints: [{ type: 'email', value: 'missing-at.example.com' }] },
    { kind: 'organization', displayName: '错码公司', organization: { legalName: '错码公司', type: 'enterprise', uscc: '91350100M000100Y44' } },
    { kind: 'person', displayName: '孙七', person: { residentId: '110105194912310021' }, fax: '010-1234' },
  ];
}
