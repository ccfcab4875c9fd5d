/* global window, setTimeout, clearTimeout */
// Runs crmkit in a real browser: bundles test/browser/page.ts with esbuild from the built ESM files
// (dist/, through the exports map), serves it on 127.0.0.1 (random port) with the CDNOW summary,
// opens it in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core, fresh
// profile) and checks what the page computed: a validated customer, RFM scores, NPS and a BG/NBD fit
// on CDNOW. Expected values: the hand-worked E.164 form and zh-CN message, RFM and NPS worked by hand,
// and BG/NBD against Fader, Hardie & Lee (2005) Table 1 and against the same fit run in Node.
// Without Chromium it skips (exit 0), unless `--require` (CI) makes that a failure. Bounded: 120 s.
// Run after `npm run build`.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.argv.includes('--require');
const deadline = setTimeout(() => {
  console.error('browser test: timed out after 120 s');
  process.exit(1);
}, 120_000);

if (!existsSync(CHROMIUM)) {
  const msg = `browser test: ${CHROMIUM} not found`;
  if (required) {
    console.error(`${msg} (required in CI: install Debian's chromium)`);
    process.exit(1);
  }
  console.log(`${msg}; skipped (CI runs it through .ci/run)`);
  process.exit(0);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bundle = await build({
  entryPoints: [join(root, 'test/browser/page.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
  plugins: [
    {
      name: 'crmkit-dist',
      setup(b) {
        b.onResolve({ filter: /^crmkit(\/.*)?$/ }, (args) => {
          const key = args.path === 'crmkit' ? '.' : `./${args.path.slice('crmkit/'.length)}`;
          return { path: join(root, pkg.exports[key].import.default) };
        });
      },
    },
  ],
});
const pageJs = bundle.outputFiles[0].text;
if (/from\s*["']node:|require\(["']node:/.test(pageJs)) throw new Error('the browser bundle imports a node: module');

const files = {
  '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>crmkit</title><script type="module" src="/page.js"></script>'],
  '/page.js': ['text/javascript', pageJs],
  '/cdnow.csv': ['text/csv', readFileSync(join(root, 'test/clv/fixtures/cdnow_customers_summary_with_transactions.csv'), 'utf8')],
};
const server = createServer((req, res) => {
  const f = files[new URL(req.url ?? '/', 'http://x').pathname];
  if (!f) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': `${f[0]}; charset=utf-8` }).end(f[1]);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const { chromium } = await import('playwright-core');
const profile = mkdtempSync(join(tmpdir(), 'crmkit-chromium-'));
let context;
let failures = 0;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.__result !== undefined || window.__error !== undefined, undefined, { timeout: 90_000 });
  const error = await page.evaluate(() => window.__error);
  if (error) throw new Error(`page failed: ${error}`);
  const got = await page.evaluate(() => window.__result);
  const version = context.browser()?.version() ?? 'chromium';

  // The same fit in Node, from the same build, for a differential check.
  const { fitBgNbd } = await import(pathToFileURL(join(root, 'dist/clv/index.js')).href);
  const rows = files['/cdnow.csv'][1].trim().split('\n').slice(1).map((l) => l.split(',').map(Number)).map(([, frequency, recency, T]) => ({ frequency, recency, T }));
  const node = fitBgNbd(rows).params;

  const check = (name, ok, detail) => {
    if (!ok) failures++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
  };
  check('validateCustomer reports a bad mainland mobile in zh-CN', got.invalidMessage === 'contactPoints.0.value：不是有效的中国大陆手机号码', got.invalidMessage);
  check('validateCustomer normalises a mobile to E.164', got.validPhone === '+8613812345678', got.validPhone);
  // Two customers in two bins: a is more recent, more frequent and spent more, so 2/2/2; b 1/1/1.
  check('rfmScores', JSON.stringify(got.rfm) === JSON.stringify([['a', 2, 2, 2], ['b', 1, 1, 1]]), JSON.stringify(got.rfm));
  // 6 promoters (9-10) and 2 detractors (0-6) of 10: 100 × (6 − 2) / 10 = 40.
  check('nps', got.nps === 40, got.nps);
  const paper = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const close = (x, y, tol) => Math.abs(x - y) <= tol * Math.abs(y);
  check(`fitBgNbd on CDNOW (n = ${got.bgnbd.n}) matches the paper within 1%`, got.bgnbd.n === 2357 && Object.keys(paper).every((k) => close(got.bgnbd[k], paper[k], 0.01)), JSON.stringify(got.bgnbd));
  check('fitBgNbd in the browser equals the Node fit (1e-9)', Object.keys(paper).every((k) => close(got.bgnbd[k], node[k], 1e-9)), `${JSON.stringify(got.bgnbd)} vs ${JSON.stringify(node)}`);
  check('no page errors', consoleErrors.length === 0, consoleErrors.join('; '));
  console.log(`browser test: ${failures === 0 ? 'passed' : `${failures} failure(s)`} in ${version}, bundle ${(pageJs.length / 1024).toFixed(0)} KB`);
} finally {
  await context?.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
  clearTimeout(deadline);
}
process.exit(failures === 0 ? 0 : 1);
