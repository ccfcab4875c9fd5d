// Opens the HTML report in headless Chromium (Debian's package, driven by playwright-core), fails
// on any console error or page error, and keeps a full-page screenshot as an artifact.
// Usage: node scripts/check-report.mjs [report/report.html] [artifacts/report.png]
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const page = resolve(process.argv[2] ?? 'report/report.html');
const shot = resolve(process.argv[3] ?? 'artifacts/report.png');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const profile = mkdtempSync(join(tmpdir(), 'crmkit-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 900 },
  timeout: 60_000,
});
const problems = [];
try {
  const tab = await context.newPage();
  tab.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await tab.goto(pathToFileURL(page).href, { waitUntil: 'load', timeout: 30_000 });
  const charts = await tab.locator('section svg').count();
  if (charts === 0) problems.push('no chart on the page');
  mkdirSync(dirname(shot), { recursive: true });
  await tab.screenshot({ path: shot, fullPage: true });
  console.log(`report opened in headless Chromium: ${charts} charts, screenshot ${shot}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
