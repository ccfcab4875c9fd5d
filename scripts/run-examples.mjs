// Runs every example in examples/ the way a user would: against the packed tarball (npm pack),
// unpacked into a fresh project's node_modules/crmkit with crmkit's runtime dependencies beside
// it (linked from this repo's node_modules: no network), with none of the repo's sources or test
// fixtures in reach. Fails if an example throws or exits non-zero. data.ts is shared data, not an
// example. `--in-repo` runs them in place instead (faster while editing).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve('.');
const inRepo = process.argv.includes('--in-repo');
let project = repo;
let cleanup = () => {};
if (!inRepo) {
  project = mkdtempSync(join(tmpdir(), 'crmkit-examples-'));
  cleanup = () => rmSync(project, { recursive: true, force: true });
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', project], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const pkgDir = join(project, 'node_modules', 'crmkit');
  mkdirSync(pkgDir, { recursive: true });
  execFileSync('tar', ['-xzf', join(project, packed[0].filename), '-C', pkgDir, '--strip-components=1']);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  // The package's dependencies (and what they need), linked from this repo's install.
  // Plus what the examples themselves use (an adopter's own dependencies): hono, @hono/node-server,
  // @electric-sql/pglite and pg for examples/backend (on examples/postgres), vega and vega-lite for
  // examples/report.ts.
  for (const dep of [...Object.keys(pkg.dependencies ?? {}), 'tsx', 'hono', '@hono/node-server', '@electric-sql/pglite', 'pg', 'vega', 'vega-lite']) {
    const target = join(project, 'node_modules', dep);
    mkdirSync(join(target, '..'), { recursive: true });
    symlinkSync(join(repo, 'node_modules', dep), target, 'dir');
  }
  cpSync(join(repo, 'examples'), join(project, 'examples'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'crmkit-examples', private: true, type: 'module' }));
}

// Each example is a file and its arguments; the backend service runs once with --smoke (it calls
// itself and exits).
const examples = [
  ...readdirSync(join(project, 'examples'))
    .filter((f) => f.endsWith('.ts') && f !== 'data.ts')
    .sort()
    .map((f) => [f]),
  ['backend/server.ts', '--smoke'],
];
let failed = 0;
try {
  for (const [f, ...extra] of examples) {
    const t0 = Date.now();
    const args = inRepo ? ['tsx', '--tsconfig', 'tsconfig.examples.json', `examples/${f}`, ...extra] : ['tsx', `examples/${f}`, ...extra];
    const r = spawnSync(inRepo ? 'npx' : join(repo, 'node_modules/.bin/tsx'), inRepo ? args : args.slice(1), { cwd: project, encoding: 'utf8' });
    const ok = r.status === 0;
    if (!ok) failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} examples/${f} (${Date.now() - t0} ms${inRepo ? '' : ', from the packed tarball'})`);
    if (!ok) process.stderr.write(`${r.stdout}\n${r.stderr}\n`);
  }
} finally {
  cleanup();
}
process.exit(failed === 0 ? 0 : 1);
