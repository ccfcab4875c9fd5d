// zh-CN complete and locales open: every literal rule phrase written in src/ has a zh-CN word entry
// (so no English fragment reaches a zh-CN message), every code has a message in both built-in
// locales, and an adopter's locale works with English fallback. The expected strings below are the
// catalogue templates filled in by hand.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES, CrmError, errorMessage, localizeWord, registerLocale, zodErrorMap } from 'crmkit';
import { validateCustomer } from 'crmkit/customer';
import { defineSurvey, validateResponse } from 'crmkit/satisfaction';
import { expectThrowsCode } from '../errors';

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{3,}/;

function srcFiles(): string[] {
  return execFileSync('git', ['ls-files', 'src'], { encoding: 'utf8' }).trim().split('\n').filter((f) => f.endsWith('.ts'));
}

describe('zh-CN has no English fragment', () => {
  it('translates every literal rule phrase and entity in src/', () => {
    const missing: string[] = [];
    for (const f of srcFiles()) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\b(rule|entity): '((?:[^'\\]|\\.)+)'/g)) {
        const phrase = m[2] as string;
        if (localizeWord(phrase, 'zh-CN') === phrase) missing.push(`${f}: ${phrase}`);
      }
      for (const m of text.matchAll(/\brule: `((?:[^`\\]|\\.)+)`/g)) {
        // A template literal: fill its ${...} parts with a sample word and look the result up.
        const sample = (m[1] as string).replace(/\$\{[^}]+\}/g, 'x1');
        if (localizeWord(sample, 'zh-CN') === sample) missing.push(`${f}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
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
