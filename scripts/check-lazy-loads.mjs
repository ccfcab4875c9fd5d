// What the root import must not do at load time (issue 17, cold import cost), checked on the built
// package in fresh processes: build no zod schema (schemas with a `.meta({ id })` register in zod's
// global registry when they are built, so none may be registered after the import, and each must be
// once it is used; and no zod object of any kind is made: every zod schema or check reads its own
// `_zod` while it is constructed, which a counting getter on Object.prototype sees), and, in both
// builds as Node runs them, not load libphonenumber-js until a phone number is parsed (the ESM build
// gets its phone loader from `#crmkit/phone-library`, which package.json `imports` maps to a lazy
// `require` under the `node` condition). Bundlers must still get the static import (they match the
// `module` condition): esbuild's resolution of it is checked for the browser and for Node. The
// CommonJS build also leaves zod unloaded until first use, and then shares the app's zod module.
// Run after `npm run build`; fails on the first broken expectation.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// What Node loads for `import('crmkit')`: the `node` flavour of the ESM build (package.json `exports`).
const esm = pathToFileURL(join(root, 'dist/node/index.js')).href;
const cjs = join(root, 'dist/index.cjs');

// Exported schemas carrying a `.meta({ id })`.
const SCHEMAS = ['MoneySchema', 'CustomerSchema', 'TransactionSchema', 'InteractionSchema', 'OpportunitySchema', 'LoyaltyProgramSchema', 'LedgerEntrySchema', 'ConsentRecordSchema'];

// Counts zod objects made while crmkit loads (zod itself is loaded before counting starts).
const countZodObjects = `
let zodObjects = 0;
Object.defineProperty(Object.prototype, '_zod', { get() { zodObjects++; return undefined; }, configurable: true });
`;

const esmProgram = `
import { createRequire } from 'node:module';
import { z } from 'zod';
${countZodObjects}
const m = await import(${JSON.stringify(esm)});
if (zodObjects > 0) throw new Error('import made ' + zodObjects + ' zod objects');
delete Object.prototype._zod;
const phoneFiles = () => Object.keys(createRequire(import.meta.url).cache).filter((f) => f.includes('libphonenumber-js')).length;
if (phoneFiles() > 0) throw new Error('libphonenumber-js loaded at import: ' + phoneFiles() + ' files');
if (m.normalizePhone('+44 20 7946 0958') !== '+442079460958') throw new Error('normalizePhone failed in the ESM build');
if (phoneFiles() === 0) throw new Error('normalizePhone ran without libphonenumber-js');
const built = ${JSON.stringify(SCHEMAS)}.filter((n) => z.globalRegistry.has(m[n]));
if (built.length > 0) throw new Error('built at import: ' + built.join(', '));
m.CustomerSchema.parse({ id: 'c-1', kind: 'person', displayName: 'Li', createdAt: '2026-01-01', updatedAt: '2026-01-01', version: 1 });
for (const n of ['CustomerSchema']) if (!z.globalRegistry.has(m[n])) throw new Error(n + ' is not registered once used');
console.log('esm: no zod object made and libphonenumber-js not loaded at import; schemas built and registered, libphonenumber-js loaded, on first use');
`;

const cjsProgram = `
require('zod');
${countZodObjects}
const m = require(${JSON.stringify(cjs)});
if (zodObjects > 0) throw new Error('require made ' + zodObjects + ' zod objects');
delete Object.prototype._zod;
const loaded = () => Object.keys(require.cache).filter((f) => f.includes('libphonenumber-js')).length;
if (loaded() > 0) throw new Error('libphonenumber-js loaded at require: ' + loaded() + ' files');
const got = m.normalizePhone('+44 20 7946 0958');
if (loaded() === 0) throw new Error('normalizePhone ran without libphonenumber-js');
const { parsePhoneNumberFromString } = require('libphonenumber-js/min');
const expected = parsePhoneNumberFromString('+44 20 7946 0958').number;
if (got !== expected) throw new Error('normalizePhone gave ' + got + ', libphonenumber-js ' + expected);
if (m.isValidPhone('+44 20 7946 0958') !== true) throw new Error('isValidPhone rejected a valid UK number');
console.log('cjs: no zod object made and libphonenumber-js not loaded at require; loaded on the first phone (' + got + ')');
`;

// The CommonJS build requires zod on first use: not at require, and then the app's own zod module.
const cjsZodProgram = `
const zodFiles = () => Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/]zod[\\\\/]/.test(f)).length;
const m = require(${JSON.stringify(cjs)});
if (zodFiles() > 0) throw new Error('zod loaded at require: ' + zodFiles() + ' files');
m.CustomerSchema.parse({ id: 'c-1', kind: 'person', displayName: 'Li', createdAt: '2026-01-01', updatedAt: '2026-01-01', version: 1 });
if (zodFiles() === 0) throw new Error('CustomerSchema parsed without zod');
const { z } = require('zod');
if (!(m.CustomerSchema instanceof z.ZodType) || !z.globalRegistry.has(m.CustomerSchema)) throw new Error('crmkit and the app hold different zod modules');
console.log('cjs: zod not loaded at require; loaded on the first parse, the same module the app requires');
`;

// What bundlers make of the ESM build's phone loader: the static import, for the browser and for Node.
const { build } = await import('esbuild');
for (const platform of ['browser', 'node']) {
  const out = await build({
    stdin: { contents: "import { normalizePhone } from './dist/index.js'; console.log(normalizePhone('+44 20 7946 0958'));", resolveDir: root },
    bundle: true,
    platform,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(out.metafile.inputs);
  if (!inputs.includes('dist/phone-library/static.js') || inputs.some((f) => f.includes('phone-library/node'))) {
    throw new Error(`esbuild (${platform}) did not pick the static phone loader: ${inputs.filter((f) => f.includes('phone')).join(', ')}`);
  }
  if (!inputs.some((f) => f.includes('libphonenumber-js'))) throw new Error(`esbuild (${platform}) did not bundle libphonenumber-js`);
}
console.log('bundlers: esbuild picks the static phone loader and bundles libphonenumber-js (browser and node)');

execFileSync(process.execPath, ['--input-type=module', '-e', esmProgram], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, ['-e', cjsProgram], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, ['-e', cjsZodProgram], { cwd: root, stdio: 'inherit' });
