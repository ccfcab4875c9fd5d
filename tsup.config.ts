import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

// Entries come from package.json's exports map, so the two never drift apart.
const pkg = JSON.parse(readFileSync('./package.json', 'utf8')) as { exports: Record<string, unknown> };
const entry = Object.fromEntries(
  Object.keys(pkg.exports)
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? ['index', 'src/index.ts'] : [`${key.slice(2)}/index`, `src/${key.slice(2)}/index.ts`])),
);

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'node20',
  outDir: 'dist',
});
