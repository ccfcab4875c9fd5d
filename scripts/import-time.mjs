// Cold import cost: how long `import('crmkit')` takes in a fresh Node process, against
// `import('zod')` (which crmkit itself loads) measured in the same run. Each sample is a new process
// timing only the dynamic import; the two are interleaved so machine load affects both alike, and
// the median of each is reported with their ratio. Target: crmkit within 1.5x of zod. Prints
// figures; it does not fail (timings on a shared machine are noisy). Run after `npm run build`.
// Usage: node scripts/import-time.mjs [samples=15]
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const samples = Number(process.argv[2] ?? 15);

const probe = (specifier) =>
  `const t0 = process.hrtime.bigint(); await import(${JSON.stringify(specifier)}); ` +
  `console.log(Number(process.hrtime.bigint() - t0) / 1e6);`;

function once(specifier) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', probe(specifier)], { cwd: root, encoding: 'utf8' });
  return Number(out.trim());
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const targets = { zod: 'zod', crmkit: join(root, 'dist/index.js'), 'crmkit/core': join(root, 'dist/core/index.js') };
const times = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
for (let i = 0; i < samples; i++) for (const [name, spec] of Object.entries(targets)) times[name].push(once(spec.startsWith('/') ? `file://${spec}` : spec));

const zod = median(times.zod);
for (const [name, list] of Object.entries(times)) {
  const m = median(list);
  console.log(`${name.padEnd(12)} median ${m.toFixed(1)} ms over ${list.length} fresh processes (${(m / zod).toFixed(2)}x zod)`);
}
