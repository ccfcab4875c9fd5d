import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { build as esbuild, type Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

// Entries come from package.json's exports map, so the two never drift apart.
const pkg = JSON.parse(readFileSync('./package.json', 'utf8')) as { exports: Record<string, unknown> };
const entry = Object.fromEntries(
  Object.keys(pkg.exports)
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? ['index', 'src/index.ts'] : [`${key.slice(2)}/index`, `src/${key.slice(2)}/index.ts`])),
);

// libphonenumber-js (about 90 files with its metadata) loads on the first phone number parsed, not at
// `require('crmkit')`: in the CommonJS build src/validation/phoneLibrary.ts becomes a `require` on
// first call. ES modules cannot load synchronously on demand in a browser; for them see
// `phoneLibraryByCondition` below.
// tsup runs esbuild in ESM format for both builds (rollup tree-shakes and writes CommonJS), so the
// CommonJS build is told apart by a marker that `esbuildOptions` defines for it, and the `require`
// is written as `__crmkitRequire` (esbuild would turn a `require` into its `__require` shim, which
// bundlers of CommonJS cannot follow) and renamed to a literal `require(...)` in the CommonJS chunks.
const COMMONJS_MARKER = '__CRMKIT_COMMONJS_BUILD__';
const lazyPhoneLibraryInCommonJs: Plugin = {
  name: 'lazy-phone-library-in-commonjs',
  setup(build) {
    if (build.initialOptions.define?.[COMMONJS_MARKER] !== 'true') return;
    build.onLoad({ filter: /[\\/]src[\\/]validation[\\/]phoneLibrary\.ts$/ }, () => ({
      loader: 'ts',
      contents: [
        "import type { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/min';",
        'interface PhoneLibrary { readonly isValidPhoneNumber: typeof isValidPhoneNumber; readonly parsePhoneNumberFromString: typeof parsePhoneNumberFromString }',
        'declare const __crmkitRequire: (id: string) => unknown;',
        'let library: PhoneLibrary | undefined;',
        "export function phoneLibrary(): PhoneLibrary { return (library ??= __crmkitRequire('libphonenumber-js/min') as PhoneLibrary); }",
      ].join('\n'),
    }));
  },
};

const literalRequireInCommonJs: NonNullable<Options['plugins']>[number] = {
  name: 'literal-require-in-commonjs',
  renderChunk(code) {
    if (this.format !== 'cjs' || !code.includes('__crmkitRequire(')) return undefined;
    return { code: code.replaceAll('__crmkitRequire(', 'require(') };
  },
};

// In the CommonJS build zod loads on first use too: each chunk's `var zod = require('zod')` (and the
// zod locale requires) becomes an object that requires the module the first time one of its
// properties is read, and forwards to it from then on. No zod object is made at load (lazySchema;
// scripts/check-lazy-loads.mjs checks it), so `require('crmkit')` leaves zod unloaded (it was about
// half of the import's cost) until a schema is built or a message localised. `require` returns the
// one cached module, so crmkit and the app still share a single zod. ES modules cannot do this:
// their zod stays a static import.
const LAZY_REQUIRE = /^var ([A-Za-z_$][\w$]*) = require\('(zod(?:\/[^']*)?)'\);$/gm;
const LAZY_MODULE_HELPER = [
  '// The module on first property read, then the same object (see tsup.config.ts).',
  'function __crmkitLazyModule(load) {',
  '  let loaded;',
  '  const module = () => (loaded ??= load());',
  '  return new Proxy({}, {',
  '    get: (_, key) => module()[key],',
  '    has: (_, key) => key in module(),',
  '    ownKeys: () => Reflect.ownKeys(module()),',
  '    getOwnPropertyDescriptor: (_, key) => {',
  '      const d = Object.getOwnPropertyDescriptor(module(), key);',
  '      return d && { ...d, configurable: true };',
  '    },',
  '  });',
  '}',
].join('\n');

/** A CommonJS chunk with its zod requires made lazy (rollup writes them, so this runs on its output). */
function lazyZodRequires(code: string): string {
  const names: string[] = [];
  let out = code.replace(LAZY_REQUIRE, (_line, name: string, id: string) => {
    names.push(name);
    return `var ${name} = __crmkitLazyModule(() => require('${id}'));`;
  });
  if (names.length === 0) return code;
  // rollup's interop wrappers read `__esModule` at load; defer them as well.
  for (const name of names) {
    out = out.replace(
      new RegExp(`^var ([A-Za-z_$][\\w$]*) = /\\*#__PURE__\\*/(_interop[A-Za-z]*)\\(${name.replace(/\$/g, '\\$')}\\);$`, 'gm'),
      (_line, wrapped: string, interop: string) => `var ${wrapped} = __crmkitLazyModule(() => ${interop}(${name}));`,
    );
  }
  return `${out}\n${LAZY_MODULE_HELPER}\n`;
}

async function lazyZodInCommonJs(dir = 'dist'): Promise<void> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await lazyZodInCommonJs(path);
    else if (entry.name.endsWith('.cjs')) {
      const code = readFileSync(path, 'utf8');
      const lazy = lazyZodRequires(code);
      if (lazy !== code) writeFileSync(path, lazy);
    }
  }
}

// In the ESM build the chunks import the phone loader as `#crmkit/phone-library`, which package.json
// `imports` maps by condition: bundlers (which match `module`, as esbuild, webpack, rollup, Vite and
// Parcel do) and other runtimes get the static import of src/validation/phoneLibrary.ts, which they
// can follow and tree-shake; Node (which ignores `module`) gets src/validation/phoneLibrary.node.ts,
// which requires libphonenumber-js on the first phone parsed, so `import('crmkit')` on Node does not
// load it either. The two small files are built beside the chunks by `phoneLibraryFlavours`.
const PHONE_LIBRARY_SOURCE = resolve('src/validation/phoneLibrary.ts');
const phoneLibraryByCondition: Plugin = {
  name: 'phone-library-by-condition-in-esm',
  setup(build) {
    if (build.initialOptions.define?.[COMMONJS_MARKER] === 'true') return;
    build.onResolve({ filter: /[\\/]phoneLibrary$/ }, (args) =>
      args.kind !== 'entry-point' && resolve(args.resolveDir, `${args.path}.ts`) === PHONE_LIBRARY_SOURCE
        ? { path: '#crmkit/phone-library', external: true }
        : undefined,
    );
  },
};

async function phoneLibraryFlavours(): Promise<void> {
  await esbuild({
    entryPoints: { 'phone-library/static': 'src/validation/phoneLibrary.ts', 'phone-library/node': 'src/validation/phoneLibrary.node.ts' },
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'neutral',
    target: 'node20',
    outdir: 'dist',
    logLevel: 'warning',
  });
}

// esbuild splits the ESM build into a chunk per set of entries that share code: 44 files, and Node
// pays per module file (resolving, reading, compiling and linking each), about a third of zod's
// whole cold import for `import('crmkit')`. So Node gets its own copy of the ESM build, dist/node/,
// re-chunked by rollup with chunks under 60 KB merged into larger ones (`experimentalMinChunkSize`):
// the root import then reads 16 files. package.json `exports` sends Node there with the `node`
// condition, after `module`, which bundlers match first: they keep the fine-grained chunks, since a
// merged chunk would carry imports (decimal.js) into bundles of functions that never use them. Each
// resolver picks one flavour for every entry, so no app holds two copies of crmkit's modules. A
// Node subpath import may evaluate some declarations it does not use (nothing is built at load),
// never a module with effects: only zod, the phone loader and node: builtins count as free of side
// effects, so a chunk that imports anything else (decimal.js; vitest, in crmkit/testing) is never
// merged into one that entries without it load.
const MERGE_BELOW_BYTES = 60_000;
const FREE_OF_SIDE_EFFECTS = /^(zod(\/|$)|#crmkit\/phone-library$|node:)/;
async function nodeEsmFlavour(dir = 'dist'): Promise<void> {
  const { rollup } = await import('rollup');
  const input = Object.fromEntries(Object.keys(entry).map((name) => [name, join(dir, `${name}.js`)]));
  const bundle = await rollup({
    input,
    external: (id) => !id.startsWith('.') && !isAbsolute(id),
    treeshake: { moduleSideEffects: (id, external) => external && !FREE_OF_SIDE_EFFECTS.test(id) },
    preserveEntrySignatures: 'strict',
    onwarn(warning) {
      // crmkit/repository exports only types: its entry is empty, as in esbuild's output.
      if (warning.code !== 'EMPTY_BUNDLE') throw new Error(`merging ESM chunks: ${warning.message}`);
    },
  });
  await bundle.write({ dir: join(dir, 'node'), format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunk-[hash].js', experimentalMinChunkSize: MERGE_BELOW_BYTES });
  await bundle.close();
}

export default defineConfig({
  // The four date-fns functions crmkit uses (with their ~10 helper modules) are built into the chunks
  // instead of imported: resolving any `date-fns/...` path makes Node read and parse date-fns's
  // 200 KB package.json (its exports map), which alone cost about 0.2x of zod's cold import. They
  // are pure functions that read no date-fns default options, so a copy behaves as the package does.
  noExternal: [/^date-fns(\/|$)/],
  esbuildPlugins: [lazyPhoneLibraryInCommonJs, phoneLibraryByCondition],
  onSuccess: async () => {
    await nodeEsmFlavour();
    await phoneLibraryFlavours();
    await lazyZodInCommonJs();
  },
  plugins: [literalRequireInCommonJs],
  esbuildOptions(options, { format }) {
    if (format === 'cjs') options.define = { ...options.define, [COMMONJS_MARKER]: 'true' };
  },
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
