import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { ContactPoint, Customer } from 'crmkit';
import { mulberry32 } from 'crmkit/core';
import { person } from '../helpers';

/**
 * Customer records as a mixed Chinese and Western CRM holds them, with their truth, built apart
 * from the matcher and from `syntheticCustomers` (different name sources, different damage code):
 *
 * - Chinese names from test/fixtures/chinese-names (see its README): surnames weighted by an
 *   assumed power law over 118 common ones, whole given names (伟, 秀英, 子涵 ...) from faker's zh_CN
 *   list, each equally likely, half of them composed from given-name characters weighted by how
 *   often they occur in that list, so 张伟 and 王秀英 recur among different people.
 * - Western names from the FEBRL originals (Australian telephone-directory frequencies).
 * - Households: a relative with the same surname, landline and address, another given name and
 *   birth date. Colleagues: a company switchboard and office address shared by people of any name.
 * - Duplicates (a third of the people and companies, one or two each) with one to three kinds of
 *   damage: traditional characters anywhere (opencc-js, cn to tw), pinyin in either order or in
 *   capitals (pinyin-pro), a dropped given-name character, spaces or a middle dot, `王先生` for a
 *   lead whose given name was not taken, Western initials, `SURNAME, Given`, nicknames, typos,
 *   a new phone, phone and email missing, the address reduced to city and postal code or dropped,
 *   a birth date missing or one digit off, family and given name swapped in the declared fields;
 *   for companies the city prefix dropped, the legal form changed and traditional characters.
 */
export interface RealisticSet {
  readonly customers: Customer[];
  readonly clusters: string[][];
}

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/chinese-names/${name}`, import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t') as [string, string]);

function weighted(rows: readonly [string, string][]): (r: () => number) => string {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of rows) cumulative.push((total += Number(w)));
  return (r) => {
    const x = r() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return (rows[lo] as [string, string])[0];
  };
}

function febrlNames(): { given: (r: () => number) => string; surname: (r: () => number) => string } {
  const lines = readFileSync(new URL('../../fixtures/febrl/dataset1.csv', import.meta.url), 'utf8').split('\n').slice(1);
  const given = new Map<string, number>();
  const surname = new Map<string, number>();
  for (const line of lines) {
    const [id, g, s] = line.split(',').map((x) => x.trim());
    if (!id?.endsWith('-org') || !g || !s) continue;
    given.set(g, (given.get(g) ?? 0) + 1);
    surname.set(s, (surname.get(s) ?? 0) + 1);
  }
  const rows = (m: Map<string, number>) => [...m].map(([k, v]) => [k, String(v)] as [string, string]);
  return { given: weighted(rows(given)), surname: weighted(rows(surname)) };
}

const CITIES: readonly [string, string, string, readonly string[]][] = [
  ['北京市', '100', '010', ['朝阳区', '海淀区', '东城区', '丰台区']],
  ['上海市', '200', '021', ['浦东新区', '徐汇区', '静安区', '闵行区']],
  ['广州市', '510', '020', ['天河区', '越秀区', '海珠区']],
  ['深圳市', '518', '0755', ['南山区', '福田区', '宝安区']],
  ['杭州市', '310', '0571', ['西湖区', '上城区', '滨江区']],
  ['成都市', '610', '028', ['武侯区', '锦江区', '青羊区']],
  ['武汉市', '430', '027', ['江汉区', '武昌区', '洪山区']],
  ['南京市', '210', '025', ['鼓楼区', '玄武区', '江宁区']],
];
const ROADS = ['人民路', '解放路', '中山路', '建设路', '和平路', '文三路', '长江路', '新华路', '学院路', '胜利路', '光明街', '东风路'];
const TRADES = ['科技', '贸易', '电子', '信息技术', '餐饮管理', '物流', '建材', '文化传播', '医疗器械', '服饰'];
const CO_WORDS = ['星河', '华信', '恒达', '鼎盛', '蓝海', '远景', '金桥', '博远', '天润', '嘉禾', '中科', '新锐', '东方', '长虹', '瑞丰', '宏图'];
const LEGAL = ['有限公司', '有限责任公司', '股份有限公司'];
const WEST_CO = ['Acme', 'Northwind', 'Contoso', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Hooli'];
const WEST_TRADE = ['Trading', 'Logistics', 'Foods', 'Consulting', 'Software', 'Holdings'];
const WEST_FORMS: readonly (readonly string[])[] = [['Inc.', 'Incorporated', 'Inc'], ['Ltd', 'Limited', 'Ltd.'], ['LLC', 'L.L.C.'], ['Corp.', 'Corporation']];
// A handful of common English short forms, written independently of the matcher's list.
const NICK: Readonly<Record<string, string>> = { william: 'Bill', robert: 'Bob', margaret: 'Peggy', elizabeth: 'Liz', james: 'Jim', thomas: 'Tom', joseph: 'Joe', michael: 'Mike', jennifer: 'Jenny', katherine: 'Kate', daniel: 'Dan', samuel: 'Sam', benjamin: 'Ben', jessica: 'Jess', matthew: 'Matt', nicholas: 'Nick' };

interface Entity {
  kind: 'cn' | 'west' | 'org';
  family: string;
  given: string;
  org?: { city: string; core: string; legal: string; west: boolean };
  phones: string[];
  email?: string;
  address?: { city: string; district: string; line1: string; postalCode: string; country: string };
  birth?: string;
}

/**
 * `count` records or a few more (every duplicate group is kept whole), reproducible from `seed`.
 */
export function realisticCustomers(count: number, seed: number): RealisticSet {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const surname = weighted(fixture('surnames.tsv'));
  const givenName = weighted(fixture('givenNames.tsv'));
  const givenChar = weighted(fixture('givenCharacters.tsv'));
  const west = febrlNames();
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
  const mobile = () => `1${pick(['3', '5', '8', '9'])}${digits(9)}`;
  const birth = () => `${1950 + Math.floor(r() * 55)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  const cnAddress = () => {
    const [city, zip, , districts] = pick(CITIES);
    return { city, district: pick(districts), line1: `${pick(ROADS)}${1 + Math.floor(r() * 300)}号${r() < 0.5 ? `${1 + Math.floor(r() * 20)}栋${101 + Math.floor(r() * 1500)}室` : ''}`, postalCode: `${zip}${digits(3)}`, country: 'CN' };
  };
  const landline = (city: string) => `${(CITIES.find((c) => c[0] === city) ?? (CITIES[0] as (typeof CITIES)[number]))[2]}${digits(8)}`;

  const entities: Entity[] = [];
  const households: number[][] = [];
  while (entities.length < count * 0.75) {
    const u = r();
    if (u < 0.7) {
      const family = surname(r);
      const given = r() < 0.5 ? givenName(r) : r() < 0.7 ? givenChar(r) + givenChar(r) : givenChar(r);
      const address = r() < 0.85 ? cnAddress() : undefined;
      const e: Entity = { kind: 'cn', family, given, phones: [mobile()], ...(address && { address }), ...(r() < 0.5 && { birth: birth() }) };
      if (r() < 0.35) e.email = `${pinyin(given, { toneType: 'none', type: 'array' }).join('')}.${pinyin(family, { toneType: 'none', surname: 'head' }).replace(/ /g, '')}${digits(2)}@example.cn`;
      entities.push(e);
      // a relative at the same address with the same landline and surname
      if (address && r() < 0.25) {
        const phone = landline(address.city);
        e.phones.push(phone);
        // siblings often share a generation character (建国 / 建军); a parent's character is not reused
        const rel: Entity = { kind: 'cn', family, given: given.length === 2 && r() < 0.3 ? given.slice(0, 1) + givenChar(r) : givenName(r), phones: [phone, ...(r() < 0.5 ? [mobile()] : [])], address: { ...address }, ...(r() < 0.5 && { birth: birth() }) };
        if (rel.given !== given && !rel.given.includes(given) && !given.includes(rel.given)) {
          households.push([entities.length - 1, entities.length]);
          entities.push(rel);
        }
      }
    } else if (u < 0.9) {
      const cap = (x: string) => x.replace(/(^|[\s'-])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());
      const given = cap(west.given(r));
      const family = cap(west.surname(r));
      const e: Entity = {
        kind: 'west', family, given,
        phones: [`+61 4${digits(2)} ${digits(3)} ${digits(3)}`],
        ...(r() < 0.5 && { email: `${given.toLowerCase()}.${family.toLowerCase()}${digits(2)}@example.com` }),
        ...(r() < 0.8 && { address: { city: pick(['Sydney', 'Melbourne', 'Brisbane', 'Perth']), district: '', line1: `${1 + Math.floor(r() * 200)} ${cap(west.surname(r))} Street`, postalCode: `${2000 + Math.floor(r() * 1000)}`, country: 'AU' } }),
        ...(r() < 0.5 && { birth: birth() }),
      };
      entities.push(e);
    } else {
      const isWest = r() < 0.3;
      const address = cnAddress();
      const core = isWest ? `${pick(WEST_CO)} ${pick(WEST_TRADE)}` : `${pick(CO_WORDS)}${pick(CO_WORDS)}${pick(TRADES)}`;
      const org: Entity = { kind: 'org', family: '', given: '', org: { city: address.city.replace(/市$/, ''), core, legal: isWest ? pick(pick(WEST_FORMS)) : pick(LEGAL), west: isWest }, phones: [landline(address.city)], address };
      entities.push(org);
      // colleagues: two or three staff with the switchboard and the office address
      const staff = Math.floor(r() * 3);
      for (let s = 0; s < staff; s++) entities.push({ kind: 'cn', family: surname(r), given: givenName(r), phones: [org.phones[0] as string, mobile()], address: { ...address } });
    }
  }

  const customers: Customer[] = [];
  const clusters: string[][] = [];
  const name = (e: Entity): string => {
    if (e.org) return e.org.west ? `${e.org.core} ${e.org.legal}` : `${r() < 0.6 ? e.org.city : ''}${e.org.core}${e.org.legal}`;
    return e.kind === 'cn' ? e.family + e.given : `${e.given} ${e.family}`;
  };
  const emit = (e: Entity, id: string, displayName: string, declared: { family?: string; given?: string }, points: ContactPoint[], birthDate?: string) => {
    const isOrg = e.kind === 'org';
    customers.push(
      person(id, displayName, {
        ...(isOrg
          ? { kind: 'organization', organization: { legalName: displayName, type: 'enterprise', departments: [], contacts: [] } }
          : { person: { ...(declared.family && { familyName: declared.family }), ...(declared.given && { givenName: declared.given }), ...(birthDate && { birthDate: new Date(`${birthDate}T00:00:00Z`) }) } }),
        contactPoints: points,
      } as Partial<Customer>),
    );
  };
  const points = (e: Entity): ContactPoint[] => [
    ...e.phones.map((value) => ({ type: 'phone', value }) as ContactPoint),
    ...(e.email ? [{ type: 'email', value: e.email } as ContactPoint] : []),
    ...(e.address ? [{ type: 'address', ...e.address, ...(e.address.district ? {} : { district: undefined }) } as ContactPoint] : []),
  ];

  entities.forEach((e, k) => {
    const id = `r${String(k).padStart(6, '0')}`;
    const display = name(e);
    const declared = e.kind === 'org' || r() < 0.5 ? {} : { family: e.family, given: e.given };
    emit(e, id, display, declared, points(e), e.birth);
    if (r() >= 0.33) return;
    const group = [id];
    const copies = r() < 0.25 ? 2 : 1;
    for (let c = 0; c < copies; c++) {
      const dupId = `${id}-d${c}`;
      group.push(dupId);
      const d = damage(e, display);
      emit(e, dupId, d.displayName, d.declared, d.points, d.birth);
    }
    clusters.push(group);
  });
  void households;
  return { customers, clusters };

  function damage(e: Entity, display: string): { displayName: string; declared: { family?: string; given?: string }; points: ContactPoint[]; birth?: string } {
    let displayName = display;
    let declared: { family?: string; given?: string } = {};
    let phones = [...e.phones];
    let email = e.email;
    let address = e.address ? { ...e.address } : undefined;
    let birthDate = e.birth;
    const kinds = 1 + Math.floor(r() * 3);
    for (let k = 0; k < kinds; k++) {
      const what = r();
      if (what < 0.45) {
        // name damage by script
        if (e.kind === 'cn') {
          const py = (s: string, sur = false) => pinyin(s, { toneType: 'none', type: 'array', ...(sur && { surname: 'head' as const }) }).map((p) => p.replace('ü', 'v')).join('');
          const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
          const v = r();
          if (v < 0.25) displayName = toTraditional(displayName);
          else if (v < 0.45) displayName = pick([`${cap(py(e.family, true))} ${cap(py(e.given))}`, `${cap(py(e.given))} ${cap(py(e.family, true))}`, `${py(e.family, true).toUpperCase()} ${cap(py(e.given))}`]);
          else if (v < 0.6 && e.given.length === 2) displayName = e.family + e.given.charAt(r() < 0.5 ? 0 : 1);
          else if (v < 0.75) displayName = r() < 0.5 ? `${e.family} ${e.given}` : `${e.family}·${e.given}`;
          else if (v < 0.85) displayName = `${e.family}${pick(['先生', '女士'])}`;
          else declared = { family: e.given, given: e.family };
        } else if (e.kind === 'west') {
          const v = r();
          const nick = NICK[e.given.toLowerCase()];
          if (v < 0.25) displayName = `${e.given.charAt(0).toUpperCase()}. ${e.family}`;
          else if (v < 0.5) displayName = `${e.family.toUpperCase()}, ${e.given}`;
          else if (v < 0.65 && nick) displayName = `${nick} ${e.family}`;
          else if (v < 0.85) {
            const s = e.family;
            const i = 1 + Math.floor(r() * (s.length - 1));
            displayName = `${e.given} ${s.slice(0, i)}${s.charAt(i + 1)}${s.charAt(i)}${s.slice(i + 2)}`;
          } else displayName = displayName.toUpperCase();
        } else if (e.org) {
          const v = r();
          if (e.org.west) displayName = `${e.org.core} ${pick(WEST_FORMS.find((f) => f.includes(e.org?.legal as string)) ?? ['Inc.'])}`;
          else if (v < 0.35) displayName = `${e.org.city}${e.org.core}${pick(LEGAL)}`;
          else if (v < 0.7) displayName = `${e.org.core}${pick(LEGAL)}`;
          else displayName = toTraditional(displayName);
          if (r() < 0.3) displayName = displayName.toUpperCase();
        }
      } else if (what < 0.6) phones = [e.kind === 'org' ? (phones[0] as string) : e.kind === 'west' ? `+61 4${digits(2)} ${digits(3)} ${digits(3)}` : mobile()];
      else if (what < 0.7) phones = [];
      else if (what < 0.75) phones = phones.map((p) => (p.startsWith('1') ? `+86 ${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}` : p));
      else if (what < 0.82) email = undefined;
      else if (what < 0.9 && address) address = r() < 0.6 ? { ...address, line1: '' } : undefined;
      else if (what < 0.95 && birthDate) birthDate = r() < 0.5 ? undefined : `${birthDate.slice(0, 9)}${(Number(birthDate.slice(9)) + 1) % 10 || 1}`;
      else if (email) email = email.toUpperCase();
    }
    const pts: ContactPoint[] = [
      ...phones.map((value) => ({ type: 'phone', value }) as ContactPoint),
      ...(email ? [{ type: 'email', value: email } as ContactPoint] : []),
      ...(address ? [{ type: 'address', ...address, ...(address.line1 ? {} : { line1: undefined }), ...(address.district ? {} : { district: undefined }) } as ContactPoint] : []),
    ];
    return { displayName, declared, points: pts, ...(birthDate && { birth: birthDate }) };
  }
}
