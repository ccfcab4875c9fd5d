// Size budgets: what one import costs a bundled app. Each entry is a tiny program importing one name
// from the built package (dist/, through the exports map as an app would resolve it), bundled,
// minified and tree-shaken by esbuild for the browser, then gzipped. Fails when a budget is exceeded.
// `createCustomer`'s budget is relative: the same bundle of zod and libphonenumber-js/min measured
// here, in the same run, plus 15 KB. Run after `npm run build`; `--json` prints the table as JSON.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;

/** Resolves `crmkit` and `crmkit/<area>` to the built ESM files, the way the exports map does. */
const crmkitFromDist = {
  name: 'crmkit-dist',
  setup(b) {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    b.onResolve({ filter: /^crmkit(\/.*)?$/ }, (args) => {
      const key = args.path === 'crmkit' ? '.' : `./${args.path.slice('crmkit/'.length)}`;
      const target = pkg.exports[key]?.import?.default;
      if (!target) return { errors: [{ text: `crmkit has no export ${key}` }] };
      return { path: join(root, target) };
    });
  },
};

/** Bytes and gzip bytes of a minified browser bundle of `source`. */
export async function measure(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [crmkitFromDist],
  });
  const code = result.outputFiles[0].contents;
  return { bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const use = (names) => `console.log(${names.join(', ')});`;

export const BUDGETS = [
  // Every function that can throw carries CrmError and both built-in message catalogues, plus the zh-CN
  // rule phrases of the kernel and of the areas it throws from (src/<area>/locales/zh-CN.words.ts),
  // never those of other areas: see scripts/move-phrases.mjs.
  { name: '`nps` from `crmkit/satisfaction`', source: `import { nps } from 'crmkit/satisfaction';\n${use(['nps'])}`, maxGzip: 8 * KB },
  { name: '`isCrmError` from `crmkit/core`', source: `import { isCrmError } from 'crmkit/core';\n${use(['isCrmError'])}`, maxGzip: 8 * KB },
  // The service helpers orchestrate repositories: no schema library, only the kernel's errors.
  {
    name: '`updateWithRetry`, `postLedgerEntry`, `createOutbox` from `crmkit/service`',
    source: `import { updateWithRetry, postLedgerEntry, createOutbox } from 'crmkit/service';\n${use(['updateWithRetry', 'postLedgerEntry', 'createOutbox'])}`,
    maxGzip: 12 * KB,
  },
  { name: '`fitBgNbd` from `crmkit/clv`', source: `import { fitBgNbd } from 'crmkit/clv';\n${use(['fitBgNbd'])}`, maxGzip: 15 * KB },
  // Privacy functions that parse nothing must not load zod (about 100 KB gzip if they did).
  { name: '`consentStatus` from `crmkit/privacy`', source: `import { consentStatus } from 'crmkit/privacy';\n${use(['consentStatus'])}`, maxGzip: 12 * KB },
  { name: '`maskValue` from `crmkit/privacy`', source: `import { maskValue } from 'crmkit/privacy';\n${use(['maskValue'])}`, maxGzip: 12 * KB },
  { name: '`createFieldCipher` from `crmkit/privacy`', source: `import { createFieldCipher } from 'crmkit/privacy';\n${use(['createFieldCipher'])}`, maxGzip: 12 * KB },
  {
    name: '`createCustomer` from `crmkit`',
    source: `import { createCustomer } from 'crmkit';\n${use(['createCustomer'])}`,
    relativeTo: {
      name: 'zod + libphonenumber-js/min',
      source: `import { z } from 'zod';\nimport { parsePhoneNumberFromString } from 'libphonenumber-js/min';\n${use(['z', 'parsePhoneNumberFromString'])}`,
    },
    overGzip: 15 * KB,
  },
];

async function main() {
  if (!existsSync(join(root, 'dist/index.js'))) {
    console.error('dist/ is missing: run `npm run build` first');
    process.exit(1);
  }
  const rows = [];
  let failed = 0;
  for (const b of BUDGETS) {
    const size = await measure(b.source);
    let limit = b.maxGzip;
    let note = '';
    if (b.relativeTo) {
      const ref = await measure(b.relativeTo.source);
      limit = ref.gzip + b.overGzip;
      note = ` (${b.relativeTo.name} = ${(ref.gzip / KB).toFixed(1)} KB gzip, + ${b.overGzip / KB} KB)`;
    }
    const ok = size.gzip <= limit;
    if (!ok) failed++;
    rows.push({ name: b.name, ...size, limit, ok });
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${b.name}: ${(size.bytes / KB).toFixed(1)} KB, ${(size.gzip / KB).toFixed(1)} KB gzip; budget ${(limit / KB).toFixed(1)} KB gzip${note}`,
    );
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  if (failed > 0) {
    console.error(`${failed} size budget(s) exceeded`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
