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
  // No source maps: the published JS is unminified and reads like the source, while tsup's maps
  // doubled the tarball (sourcesContent), came out empty for re-export entries and added the
  // sourceMappingURL comment twice. Declarations (.d.ts) carry the TSDoc.
  sourcemap: false,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'node20',
  outDir: 'dist',
});
