// Every public export must have TSDoc with an @example (the project standard). Reads typedoc's JSON
// model and lists each exported declaration without a summary or without an @example.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'crmkit-docs-'));
const out = join(dir, 'api.json');
try {
  execFileSync('npx', ['typedoc', '--json', out, '--out', join(dir, 'html')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const project = JSON.parse(readFileSync(out, 'utf8'));
  // Kinds (typedoc ReflectionKind): 64 function, 128 class, 256 interface, 32 variable, 2097152 type alias.
  const DOCUMENTED = new Set([32, 64, 128, 256, 2097152]);
  const missing = new Map();
  const commentOf = (r) => r.comment ?? r.signatures?.[0]?.comment;
  const visit = (r, module) => {
    if (DOCUMENTED.has(r.kind)) {
      const c = commentOf(r);
      const hasSummary = (c?.summary ?? []).some((p) => p.text.trim() !== '');
      const hasExample = (c?.blockTags ?? []).some((t) => t.tag === '@example');
      if (!hasSummary || !hasExample) missing.set(`${module}: ${r.name}`, !hasSummary ? 'no summary' : 'no @example');
    }
    for (const child of r.kind === 2 || r.kind === 1 ? (r.children ?? []) : []) visit(child, r.kind === 2 ? r.name : module);
  };
  visit(project, project.name);
  if (missing.size > 0) {
    for (const [name, why] of missing) console.error(`  ${name}: ${why}`);
    console.error(`${missing.size} public export(s) lack TSDoc with an @example`);
    process.exit(1);
  }
  console.log('every public export has TSDoc with an @example');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
