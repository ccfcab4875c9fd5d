// Runs every example in examples/ (against the built package, as users import it) and fails if one
// throws or exits non-zero. data.ts is shared data, not an example.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const examples = readdirSync('examples').filter((f) => f.endsWith('.ts') && f !== 'data.ts').sort();
let failed = 0;
for (const f of examples) {
  const t0 = Date.now();
  const r = spawnSync('npx', ['tsx', '--tsconfig', 'tsconfig.examples.json', `examples/${f}`], { encoding: 'utf8' });
  const ok = r.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} examples/${f} (${Date.now() - t0} ms)`);
  if (!ok) process.stderr.write(`${r.stdout}\n${r.stderr}\n`);
}
process.exit(failed === 0 ? 0 : 1);
