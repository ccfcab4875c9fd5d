// Cold import cost: how long loading crmkit takes in a fresh Node process, against loading zod (which
// crmkit itself loads) measured in the same run, for both builds: ESM (`await import(...)`) and
// CommonJS (`require(...)`). Each sample is a new process that times only the import, in CPU time
// (user + system, all threads: compiling, evaluating, garbage collection, file reads) by default,
// which a busy machine disturbs far less than wall-clock time (`--metric wall` for that); the targets
// are interleaved round by round (the order rotating each round) so machine load affects all of them
// alike. For each target it prints the median and the spread (quartiles) over the rounds, the ratio
// of the medians to zod of the same format, and the median and quartiles of the per-round ratios
// (each crmkit sample divided by the zod sample of its own round, which cancels slow drifts in load).
//
// Target (issue 17): cold `crmkit` within 1.5x of cold `zod`. With `--max-ratio R` the script fails
// only when the evidence is clear: the lower quartile of the per-round ratios of the root import is
// above R in either format, that is, at least three rounds in four were over the limit. A loaded
// machine slows both imports, but not always alike, so a single median near the limit is not a
// failure. Run after `npm run build`.
//
// `--baseline DIR` adds the root import of another build (DIR holds its dist/, for example a copy of
// dist/ from before a change, with node_modules beside it) to the same rounds, for before/after figures.
//
// Usage: node scripts/import-time.mjs [rounds=15] [--max-ratio 1.5] [--format esm|cjs] [--metric cpu|wall]
//        [--baseline DIR] [--json]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const rounds = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 15);
const maxRatio = flag('--max-ratio') === undefined ? undefined : Number(flag('--max-ratio'));
const formats = flag('--format') ? [flag('--format')] : ['esm', 'cjs'];
const json = args.includes('--json');
const baseline = flag('--baseline');
const metric = flag('--metric') ?? 'cpu';
if (metric !== 'cpu' && metric !== 'wall') throw new Error(`--metric is cpu or wall, got ${metric}`);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 200) throw new Error(`rounds must be an integer in 1..200, got ${rounds}`);

/** The program a fresh process runs: it prints the wall and CPU (user + system) milliseconds of the import. */
const timed = (load) =>
  `const c0 = process.cpuUsage(); const t0 = process.hrtime.bigint(); ${load}; ` +
  `const c = process.cpuUsage(c0); ` +
  `console.log(JSON.stringify({ wall: Number(process.hrtime.bigint() - t0) / 1e6, cpu: (c.user + c.system) / 1e3 }));`;
const probe = {
  esm: (spec) => timed(`await import(${JSON.stringify(spec)})`),
  cjs: (spec) => timed(`require(${JSON.stringify(spec)})`),
};
// Node's ESM entry points are the `node` flavour in dist/node/ (package.json `exports`), when the build has one.
const dist = (file, format, from = root) =>
  format === 'esm' ? pathToFileURL(join(from, 'dist', existsSync(join(from, 'dist', 'node', file)) ? join('node', file) : file)).href : join(from, 'dist', file);
const targets = formats.flatMap((format) => {
  const ext = format === 'esm' ? '.js' : '.cjs';
  return [
    { format, name: 'zod', spec: 'zod' },
    { format, name: 'crmkit', spec: dist(`index${ext}`, format) },
    { format, name: 'crmkit/core', spec: dist(`core/index${ext}`, format) },
    ...(baseline ? [{ format, name: 'baseline', spec: dist(`index${ext}`, format, baseline) }] : []),
  ];
});

function once({ format, spec }) {
  const input = format === 'esm' ? ['--input-type=module'] : [];
  const out = execFileSync(process.execPath, [...input, '-e', probe[format](spec)], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out)[metric];
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
};

const times = targets.map(() => []);
for (let r = 0; r < rounds; r++) {
  for (let k = 0; k < targets.length; k++) {
    const i = (k + r) % targets.length;
    times[i].push(once(targets[i]));
  }
}

const rows = targets.map((t, i) => {
  const zodIndex = targets.findIndex((u) => u.format === t.format && u.name === 'zod');
  const ratios = times[i].map((ms, r) => ms / times[zodIndex][r]);
  const median = quantile(times[i], 0.5);
  return {
    format: t.format,
    name: t.name,
    medianMs: median,
    q1Ms: quantile(times[i], 0.25),
    q3Ms: quantile(times[i], 0.75),
    ratioOfMedians: median / quantile(times[zodIndex], 0.5),
    roundRatio: { q1: quantile(ratios, 0.25), median: quantile(ratios, 0.5), q3: quantile(ratios, 0.75) },
  };
});

const failures = maxRatio === undefined ? [] : rows.filter((r) => r.name === 'crmkit' && r.roundRatio.q1 > maxRatio);
if (json) console.log(JSON.stringify({ metric, rounds, maxRatio, rows, failed: failures.length > 0 }, null, 2));
else {
  console.log(`cold import, ${metric === 'cpu' ? 'CPU (user + system)' : 'wall-clock'} time, ${rounds} interleaved rounds of fresh processes (node ${process.version})`);
  for (const r of rows) {
    const f = (x) => x.toFixed(1);
    const ratio = r.name === 'zod' ? '' : `  ${r.ratioOfMedians.toFixed(2)}x zod (per round ${r.roundRatio.median.toFixed(2)}x, quartiles ${r.roundRatio.q1.toFixed(2)}-${r.roundRatio.q3.toFixed(2)})`;
    console.log(`${r.format} ${r.name.padEnd(12)} median ${f(r.medianMs).padStart(6)} ms (quartiles ${f(r.q1Ms)}-${f(r.q3Ms)})${ratio}`);
  }
}
for (const r of failures) {
  console.error(`import-time: ${r.format} crmkit is over ${maxRatio}x zod in at least 3 rounds of 4 (lower quartile ${r.roundRatio.q1.toFixed(2)}x)`);
}
if (failures.length > 0) process.exitCode = 1;
