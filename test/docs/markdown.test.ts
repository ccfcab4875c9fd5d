// Runs the ```ts blocks of README.md and docs/ (the convention is in ./markdownBlocks.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { asModule, blocks, normalise, typeErrors } from './markdownBlocks';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repo (not node_modules) so vitest transforms the blocks and resolves 'crmkit/...'.
const scratch = mkdtempSync(join(root, 'test/docs/.blocks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Blocks written before this harness that still need rewriting as self-contained programs (they use
// names defined in earlier prose or blocks). Each is asserted to still fail, so fixing one makes this
// test fail until it is taken off the list. Do not add to it: new blocks must run.
const KNOWN_BROKEN = new Set([
  'docs/guides/getting-started.md#2',
  'docs/guides/getting-started.md#3',
  'docs/guides/getting-started.md#4',
  'docs/guides/lifecycle-and-kpis.md#2',
  'docs/guides/segmentation.md#2',
  'docs/guides/segmentation.md#3',
  'docs/guides/segmentation.md#4',
  'docs/guides/segmentation.md#5',
]);

describe('```ts blocks in README.md and docs/', () => {
  it('found blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(20);
  });

  const errors = typeErrors(blocks);
  blocks.forEach((b, i) => {
    (KNOWN_BROKEN.has(b.id) ? it.fails : it)(`${b.where} (${b.id}) compiles and runs${KNOWN_BROKEN.has(b.id) ? ' [known broken: still fails]' : ''}`, async () => {
      expect((errors.get(b.where) ?? []).join('\n'), `${b.where} type errors`).toBe('');
      const { source } = asModule(b.code);
      mkdirSync(scratch, { recursive: true });
      const file = join(scratch, `block${i}.mjs`);
      writeFileSync(file, source);
      const checks: { code: string; actual: unknown; expected: unknown }[] = [];
      const mod = (await import(/* @vite-ignore */ file)) as { run: (c: (code: string, a: unknown, e: unknown) => void) => Promise<void> };
      const cwd = process.cwd();
      process.chdir(root);
      try {
        await mod.run((code, actual, expected) => checks.push({ code, actual, expected }));
      } finally {
        process.chdir(cwd);
      }
      for (const c of checks) expect(normalise(c.actual), `${b.where}: ${c.code}`).toEqual(normalise(c.expected));
    });
  });
});
