/// <reference types="vite/client" />
// Every @example in the TSDoc runs, and each result it shows (`//=> value`) is what the code returns.
// The examples' own imports are replaced by every public export of crmkit being in scope.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { extractExamples } from './extractExamples';

const srcDir = fileURLToPath(new URL('../../src', import.meta.url));
// Contract-suite examples declare vitest suites; they run for real in test/memory instead.
const examples = extractExamples(srcDir).filter((ex) => !/Contract\(/.test(ex.body));
const modules = import.meta.glob('../../src/*/index.ts');

async function scopeFor(area: string): Promise<Record<string, unknown>> {
  const scope: Record<string, unknown> = {};
  for (const [path, load] of Object.entries(modules)) {
    if (!path.includes(`/${area}/`)) Object.assign(scope, await load());
  }
  Object.assign(scope, await import('../../src/index'));
  const own = Object.entries(modules).find(([path]) => path.includes(`/${area}/`));
  if (own) Object.assign(scope, await own[1]());
  scope.z = (await import('zod')).z;
  return scope;
}

function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));
}

describe('TSDoc @example blocks', () => {
  it('found examples to check', () => {
    expect(examples.length).toBeGreaterThan(100);
  });
  for (const ex of examples) {
    it(`${ex.where} runs${ex.checks ? ` and shows ${ex.checks} true result(s)` : ''}`, async () => {
      const scope = await scopeFor(ex.area);
      const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
      const checks: { code: string; actual: unknown; expected: unknown }[] = [];
      const __check = (code: string, actual: unknown, expected: unknown) => checks.push({ code, actual, expected });
      const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
      const run = new AsyncFunction('__check', ...names, stripTypes(ex.body));
      await run(__check, ...names.map((n) => scope[n]));
      for (const c of checks) expect(normalise(c.actual), `${ex.where}: ${c.code}`).toEqual(normalise(c.expected));
    });
  }
});

/** Examples are TypeScript; remove the type-only syntax our examples use so the body runs as JS. */
function stripTypes(code: string): string {
  const out = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
  return out.outputText.replace(/^export \{\};?\s*$/m, '');
}
