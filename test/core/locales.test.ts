// zh-CN complete and locales open: every literal rule phrase written in src/ has a zh-CN word entry
// in a table its area loads (so no English fragment reaches a zh-CN message, bundled or not), every
// code has a message in both built-in locales, and an adopter's locale works with English fallback.
// The expected strings below are the catalogue templates filled in by hand.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES, CrmError, errorMessage, localizeWord, registerLocale, zodErrorMap } from 'crmkit';
import { validateCustomer } from 'crmkit/customer';
import { defineSurvey, validateResponse } from 'crmkit/satisfaction';
import { translateWords } from '../../src/core/locales/words';
import { expectThrowsCode } from '../errors';

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{3,}/;
/** English left in a zh-CN text: two words in a row, or one of the small words a phrase is built from. Code values may remain (`en`, `zh-CN`, `between`, `from`, `not`). */
const ENGLISH_PHRASE = /[A-Za-z]{2,} [A-Za-z]{2,}|\b(?:a|an|the|of|or|and|to|be|is|are|at|in|on|by|for|with|than|must|least|most|per|only)\b/i;

function srcFiles(): string[] {
  return execFileSync('git', ['ls-files', 'src'], { encoding: 'utf8' }).trim().split('\n').filter((f) => f.endsWith('.ts'));
}

// The phrase tables: the kernel's serves every area; an area's serves that area alone, because only
// the area's errors module (src/<area>/errors.ts) registers it, and a bundle only has the modules it uses.
type Words = Readonly<Record<string, string>>;
const KERNEL_TABLE = 'src/core/locales/zh-CN.words.ts';
const areaOf = (file: string): string => (file.split('/').length > 2 ? (file.split('/')[1] as string) : 'core');
const tableOf = (area: string): string => (area === 'core' ? KERNEL_TABLE : `src/${area}/locales/zh-CN.words.ts`);
const AREAS = [...new Set(srcFiles().map(areaOf))];
const TABLES = new Map<string, Words>();
for (const file of AREAS.map(tableOf).filter((f) => existsSync(f))) {
  TABLES.set(file, ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { zhCNWords: Words }).zhCNWords);
}
function tablesFor(area: string): Words[] {
  const out: Words[] = [];
  for (const file of new Set([KERNEL_TABLE, tableOf(area)])) {
    const words = TABLES.get(file);
    if (words !== undefined) out.push(words);
  }
  return out;
}

/**
 * The rule phrases a file writes: `rule`, `entity` and `operation` values, phrases passed to local
 * helpers (`fail('field', 'must be ...')`), and, in the customer schemas, the custom zod messages
 * that validateCustomer translates. A template literal's `${...}` parts read as `x1`.
 */
function phrasesOf(source: string, file: string): string[] {
  const text = source.replace(/^\s*(?:\*|\/\/).*$/gm, ''); // not the TSDoc examples
  const out: string[] = [];
  for (const m of text.matchAll(/\b(?:rule|entity|operation): (['"])((?:(?!\1)[^\\]|\\.)+)\1/g)) out.push(m[2] as string);
  for (const m of text.matchAll(/\b(?:rule|entity|operation): `((?:[^`\\]|\\.)+)`/g)) out.push((m[1] as string).replace(/\$\{[^}]+\}/g, 'x1'));
  for (const m of text.matchAll(/[(,] ?(['"])((?:must|needs|only|not|expected|cannot) (?:(?!\1)[^\\\n])*)\1/g)) out.push(m[2] as string);
  if (file.startsWith('src/customer/')) for (const m of text.matchAll(/\bmessage: '((?:[^'\\]|\\.)+)'/g)) out.push(m[1] as string);
  return out;
}

describe('zh-CN has no English fragment', () => {
  it('translates every literal rule phrase in src/ from a table its area loads', () => {
    const uses = new Map<string, { phrase: string; file: string }[]>();
    for (const file of srcFiles()) {
      if (file.endsWith('zh-CN.words.ts') || file.startsWith('src/core/locales/')) continue;
      for (const phrase of phrasesOf(readFileSync(file, 'utf8'), file)) uses.set(phrase, [...(uses.get(phrase) ?? []), { phrase, file }]);
    }
    const problems: string[] = [];
    for (const [phrase, at] of uses) {
      // Where it belongs, as scripts/move-phrases.mjs decides: the kernel's table when kernel code uses
      // it, else the table of each area that uses it.
      const kernelUses = at.some((u) => areaOf(u.file) === 'core');
      const translates = (tables: Words[]) => {
        const zh = translateWords(phrase, tables);
        return zh !== phrase && !ENGLISH_PHRASE.test(zh);
      };
      const holders = [...TABLES].filter(([f]) => translates(tablesFor(areaOf(f)))).map(([f]) => f);
      for (const { file } of at) {
        if (translates(tablesFor(areaOf(file)))) continue;
        const target = kernelUses ? KERNEL_TABLE : tableOf(areaOf(file));
        const zh = translateWords(phrase, tablesFor(areaOf(file)));
        if (holders.length > 0) problems.push(`${file}: "${phrase}" is in ${holders.join(', ')}, which ${areaOf(file)} does not load: it belongs in ${target} (node scripts/move-phrases.mjs moves it)`);
        else if (zh !== phrase) problems.push(`${file}: "${phrase}" reads "${zh}" in zh-CN: add an exact entry to ${target}`);
        else problems.push(`${file}: "${phrase}" has no zh-CN entry: add it to ${target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a phrase in several tables has one translation', () => {
    const seen = new Map<string, { table: string; zh: string }>();
    const problems: string[] = [];
    for (const [table, words] of TABLES) {
      for (const [en, zh] of Object.entries(words)) {
        const first = seen.get(en);
        if (first === undefined) seen.set(en, { table, zh });
        else if (first.zh !== zh) problems.push(`"${en}" is "${first.zh}" in ${first.table} but "${zh}" in ${table}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("an area throws and translates through its own errors module, which loads its table", () => {
    const wrapped = new Set(['CrmError', 'assert', 'errorMessage', 'localizeWord']);
    const problems: string[] = [];
    for (const file of srcFiles()) {
      const area = areaOf(file);
      if (area === 'core' || !TABLES.has(tableOf(area)) || file === `src/${area}/errors.ts`) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import \{([^}]*)\} from '((?:\.\.\/)+core(?:\/errors(?:\/CrmError|\/assert|\/index)?|\/locales(?:\/index)?|\/index)?)';/gm)) {
        const names = (m[1] as string).split(',').map((n) => n.trim()).filter((n) => !n.startsWith('type ') && wrapped.has(n.split(' as ')[0] as string));
        if (names.length > 0) problems.push(`${file} imports ${names.join(', ')} from '${m[2]}': import from src/${area}/errors.ts so ${area}'s zh-CN phrases come along (node scripts/move-phrases.mjs rewrites it)`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('templates match the most specific key, whatever the table order', () => {
    // By hand from the kernel table: 'must be one of {list}' has more fixed text than 'must be {id}'.
    expect(localizeWord('must be one of own, team, all', 'zh-CN')).toBe('必须是以下之一：own, team, all');
    expect(localizeWord('must be s1', 'zh-CN')).toBe('必须是 s1');
    const tables: Words[] = [{ 'must be {id}': 'A {id}' }, { 'must be one of {list}': 'B {list}' }];
    expect(translateWords('must be one of x', tables)).toBe('B x');
    expect(translateWords('must be one of x', [...tables].reverse())).toBe('B x');
  });

  it('every code has an en and a zh-CN message; zh-CN has Han text', () => {
    for (const code of ERROR_CODES) {
      expect(errorMessage(code, {}, 'en').length, code).toBeGreaterThan(0);
      expect(errorMessage(code, {}, 'zh-CN'), code).toMatch(HAN);
    }
  });

  it('the validation summary line and entity names are localised', () => {
    const e = new CrmError('VALIDATION_FAILED', { params: { entity: 'customer', count: 2, rules: 'cn_mobile, email' } });
    expect(e.message).toBe('customer failed validation: 2 issue(s): cn_mobile, email');
    expect(e.localizedMessage('zh-CN')).toBe('客户未通过校验：2 个问题：cn_mobile, email');
  });

  it('templated rule phrases are translated with their parts', () => {
    expect(errorMessage('INVALID_RULE', { path: 'all.0', rule: 'more than 500 nodes' }, 'zh-CN')).toBe('分群规则 all.0：超过 500 个节点');
  });

  it("validateCustomer's schema messages (zod's and crmkit's own) are zh-CN", () => {
    const r = validateCustomer({ kind: 'person', displayName: '   ' }, { locale: 'zh-CN' });
    const messages = r.issues.map((i) => i.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m, m).not.toMatch(LATIN_WORD);
  });

  it("validateResponse's zod shape messages are zh-CN", () => {
    const survey = defineSurvey({ id: 's1', name: 'NPS', questions: [{ id: 'nps', scale: 'nps' }] });
    const r = validateResponse({ id: 7, surveyId: 's1' }, survey, { locale: 'zh-CN' });
    expect(r.ok).toBe(false);
    for (const i of r.issues) expect(i.message, i.message).toMatch(HAN);
    expect(validateResponse({ id: 7, surveyId: 's1' }, survey).issues[0]?.message).not.toMatch(HAN);
  });
});

describe('registerLocale', () => {
  it('adds a locale with its own messages and words; missing keys fall back to English', () => {
    registerLocale('ja', { errors: { NOT_FOUND: (p) => `${String(p.entity)} ${String(p.id)} が見つかりません` }, words: { customer: '顧客' } });
    const e = new CrmError('NOT_FOUND', { params: { entity: 'customer', id: 'c-1' } });
    expect(e.localizedMessage('ja')).toBe('顧客 c-1 が見つかりません');
    expect(errorMessage('RULE_TOO_DEEP', { max: 64 }, 'ja')).toBe('segment rule is nested deeper than 64 levels');
    // zod issues in a registered locale without its own zod locale read as English.
    const message = (locale: string) => z.string().safeParse(1, { error: zodErrorMap(locale) }).error?.issues[0]?.message;
    expect(message('ja')).toBe(message('en'));
  });

  it('uses a registered zod locale and validation messages', async () => {
    const ja = (await import('zod/v4/locales/ja.js')).default;
    registerLocale('ja-JP', { zod: ja, issues: { cn_mobile: (f) => `${f}：中国本土の携帯番号ではありません` } });
    const r = validateCustomer({ kind: 'person', displayName: '山田', contactPoints: [{ type: 'phone', value: '12345678901' }] }, { locale: 'ja-JP' });
    expect(r.issues[0]?.message).toBe('contactPoints.0.value：中国本土の携帯番号ではありません');
    const message = (locale: string) => z.string().safeParse(1, { error: zodErrorMap(locale) }).error?.issues[0]?.message;
    expect(message('ja-JP')).not.toBe(message('en'));
  });

  it('refuses to replace built-in locales or take malformed tags', () => {
    expectThrowsCode(() => registerLocale('zh-CN', {}), 'INVALID_ARGUMENT');
    expectThrowsCode(() => registerLocale('en', {}), 'INVALID_ARGUMENT');
    expectThrowsCode(() => registerLocale('not a tag', {}), 'INVALID_ARGUMENT');
    expectThrowsCode(() => registerLocale('ko', null as never), 'INVALID_ARGUMENT');
  });
});
