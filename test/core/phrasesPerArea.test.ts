// Each area's zh-CN rule phrases travel with the area (src/<area>/locales/zh-CN.words.ts, registered
// by src/<area>/errors.ts). Checked the way an app meets it: one public function per area is bundled
// from src/ by esbuild (tree-shaken under package.json's `sideEffects: false`, as check-size bundles
// dist/), made to throw, and run in a fresh Node process, so that only the tables the bundle carries
// are loaded. The expected messages are the zh-CN catalogue template (src/core/locales/zh-CN.ts)
// filled in by hand with the area table's translation of the phrase.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Resolves `crmkit/<area>` to src/<area>/index.ts, as the vitest config does. */
const crmkitFromSrc = {
  name: 'crmkit-src',
  setup(b: { onResolve: (o: { filter: RegExp }, f: (a: { path: string }) => { path: string }) => void }) {
    b.onResolve({ filter: /^crmkit(\/.*)?$/ }, (a) => ({ path: `${ROOT}src/${a.path === 'crmkit' ? '' : `${a.path.slice('crmkit/'.length)}/`}index.ts` }));
  },
};

async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [crmkitFromSrc],
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Bundles `setup` + `call` (which must throw a CrmError), runs it, and returns what was thrown. */
async function thrownInBundle(setup: string, call: string): Promise<{ code: string; en: string; zh: string; bundle: string }> {
  const code = await bundle(`${setup}
try {
  await (async () => { ${call}; })();
  console.log(JSON.stringify({ code: 'no error' }));
} catch (e) {
  console.log(JSON.stringify({ code: e.code, en: e.message, zh: e.localizedMessage('zh-CN') }));
}`);
  const out = execFileSync(process.execPath, ['--input-type=module'], { input: code, encoding: 'utf8' });
  return { ...JSON.parse(out), bundle: code };
}

const CUSTOMER = `const { customer } = createCustomer({ kind: 'person', displayName: 'Li Lei' }, { now: new Date('2026-01-01T00:00:00Z'), id: 'c-1' });`;

// One throw per area, with a phrase from that area's own table. `zh` is the whole expected message.
const CASES: readonly { area: string; setup: string; call: string; code: string; zh: string }[] = [
  { area: 'charts', setup: `import { chartLabels } from 'crmkit/charts';`, call: `chartLabels('fr')`, code: 'INVALID_ARGUMENT', zh: 'locale：必须是 en 或 zh-CN' },
  {
    area: 'clv',
    setup: `import { fitBgNbd } from 'crmkit/clv';`,
    call: `fitBgNbd({ frequency: [1, 2], recency: [1], T: [3, 4] })`,
    code: 'INVALID_ARGUMENT',
    zh: 'data：各列长度必须相同',
  },
  {
    area: 'customer',
    setup: `import { createCustomer, updateCustomer } from 'crmkit/customer'; ${CUSTOMER}`,
    call: `updateCustomer(customer, { id: 'c-2' }, { now: new Date('2026-02-01T00:00:00Z') })`,
    code: 'INVALID_ARGUMENT',
    zh: 'id：不能通过补丁修改',
  },
  {
    area: 'kpi',
    setup: `import { retentionRate } from 'crmkit/kpi';`,
    call: `retentionRate([], { period: { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-03-01T00:00:00Z') }, asOf: new Date('2026-02-01T00:00:00Z') })`,
    code: 'INVALID_ARGUMENT',
    zh: 'period：结束时间不得晚于 asOf',
  },
  {
    area: 'lifecycle',
    setup: `import { stageDurations } from 'crmkit/lifecycle';`,
    call: `stageDurations([{ stage: 'new', from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') }], { asOf: new Date('2026-03-01T00:00:00Z') })`,
    code: 'INVALID_ARGUMENT',
    zh: 'timeline：时间段的结束早于开始',
  },
  {
    area: 'loyalty',
    setup: `import { balance } from 'crmkit/loyalty';`,
    call: `balance([{ id: 'e1', customerId: 'c-1', type: 'earn', points: 1.5, occurredAt: new Date('2026-01-01T00:00:00Z') }], { asOf: new Date('2026-02-01T00:00:00Z') })`,
    code: 'INVALID_ARGUMENT',
    zh: 'entries.0.points：必须是整数积分',
  },
  {
    area: 'memory',
    setup: `import { MemoryCustomerRepository } from 'crmkit/memory';`,
    call: `await new MemoryCustomerRepository().list({ cursor: 'not-a-cursor' })`,
    code: 'INVALID_ARGUMENT',
    zh: 'cursor：不是该仓储签发的游标',
  },
  { area: 'pipeline', setup: `import { definePipeline } from 'crmkit/pipeline';`, call: `definePipeline(null)`, code: 'INVALID_PIPELINE', zh: '销售管道定义无效：定义不是对象' },
  {
    area: 'privacy',
    setup: `import { createFieldCipher } from 'crmkit/privacy';`,
    call: `await createFieldCipher({ currentKeyId: 'k1', keys: { k1: new Uint8Array(32).fill(1) }, blindIndexKey: new Uint8Array(32).fill(2) }).decrypt('not a ciphertext')`,
    code: 'DECRYPTION_FAILED',
    zh: 'ciphertext：无法解密（不是字段密文）',
  },
  {
    area: 'quality',
    setup: `import { mergeCustomers } from 'crmkit/quality'; import { createCustomer } from 'crmkit/customer'; ${CUSTOMER}`,
    call: `mergeCustomers([customer], { now: new Date('2026-02-01T00:00:00Z') })`,
    code: 'INVALID_MERGE',
    zh: '无法合并：至少需要两条记录',
  },
  { area: 'satisfaction', setup: `import { csat } from 'crmkit/satisfaction';`, call: `csat([5], { scale: 6 })`, code: 'INVALID_ARGUMENT', zh: 'scale：必须是 5 或 7' },
  {
    area: 'segmentation',
    setup: `import { parseSegmentRule } from 'crmkit/segmentation';`,
    call: `parseSegmentRule({ field: 'recencyDays', op: 'between', value: [1] })`,
    code: 'INVALID_RULE',
    zh: '分群规则 value：between 需要 [low, high]',
  },
  {
    area: 'service',
    setup: `import { updateWithRetry } from 'crmkit/service';`,
    call: `await updateWithRetry({}, 'c-1', (c) => c)`,
    code: 'INVALID_ARGUMENT',
    zh: 'repository：必须提供 get 和 save 方法',
  },
];

/** English left in a zh-CN text: two words in a row, or one of the small words a phrase is built from. Code values may remain (`en`, `zh-CN`, `between`, `from`, `not`). */
const ENGLISH_PHRASE = /[A-Za-z]{2,} [A-Za-z]{2,}|\b(?:a|an|the|of|or|and|to|be|is|are|at|in|on|by|for|with|than|must|least|most|per|only)\b/i;

/** The English keys of an area's table, as esbuild prints an object key: `"key":`. */
function tableKeys(area: string): string[] {
  try {
    const text = readFileSync(`${ROOT}src/${area}/locales/zh-CN.words.ts`, 'utf8');
    return [...text.matchAll(/^ {2}(['"])((?:(?!\1).)+)\1: /gm)].map((m) => `${JSON.stringify(m[2])}:`);
  } catch {
    return [];
  }
}

/** The keys of other areas' tables that `area`'s table does not share. */
function otherAreasPhrases(area: string): string[] {
  const own = new Set(tableKeys(area));
  return readdirSync(`${ROOT}src`)
    .filter((a) => a !== area && a !== 'core')
    .flatMap(tableKeys)
    .filter((k) => !own.has(k));
}

describe('zh-CN phrases travel with the area that throws them', () => {
  it('every area has a case here', () => {
    const withTables = readdirSync(`${ROOT}src`).filter((a) => {
      try {
        readFileSync(`${ROOT}src/${a}/locales/zh-CN.words.ts`);
        return true;
      } catch {
        return false;
      }
    });
    // validation's table holds only the issue code cn_mobile, which no public function throws as a phrase.
    expect(withTables.filter((a) => a !== 'core' && a !== 'validation').sort()).toEqual(CASES.map((c) => c.area).sort());
  });

  for (const c of CASES) {
    it(`${c.area}: a bundle that throws from ${c.area} translates its phrase`, async () => {
      const thrown = await thrownInBundle(c.setup, c.call);
      expect(thrown.code, thrown.en).toBe(c.code);
      expect(thrown.zh).toBe(c.zh);
      expect(thrown.zh).not.toMatch(ENGLISH_PHRASE);
    });
  }

  it("a satisfaction bundle carries no other area's phrases", async () => {
    const code = await bundle(`import { nps } from 'crmkit/satisfaction'; console.log(nps);`);
    expect(code).toContain('must be 5 or 7'); // satisfaction's own table
    expect(code).toContain('must be a finite number'); // the kernel's
    expect(otherAreasPhrases('satisfaction').filter((p) => code.includes(p))).toEqual([]);
  });
});
