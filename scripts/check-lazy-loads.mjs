// What the root import must not do at load time (issue 17, cold import cost), checked on the built
// package in fresh processes: build no zod schema (schemas with a `.meta({ id })` register in zod's
// global registry when they are built, so none may be registered after the import, and each must be
// once it is used), and, in the CommonJS build, not load libphonenumber-js until a phone number is
// parsed (ES modules cannot load a module synchronously on demand, so the ESM build imports it).
// Run after `npm run build`; fails on the first broken expectation.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const esm = pathToFileURL(join(root, 'dist/index.js')).href;
const cjs = join(root, 'dist/index.cjs');

// Exported schemas carrying a `.meta({ id })`.
const SCHEMAS = ['MoneySchema', 'CustomerSchema', 'TransactionSchema', 'InteractionSchema', 'OpportunitySchema', 'LoyaltyProgramSchema', 'LedgerEntrySchema', 'ConsentRecordSchema'];

const esmProgram = `
import { z } from 'zod';
const m = await import(${JSON.stringify(esm)});
const built = ${JSON.stringify(SCHEMAS)}.filter((n) => z.globalRegistry.has(m[n]));
if (built.length > 0) throw new Error('built at import: ' + built.join(', '));
m.CustomerSchema.parse({ id: 'c-1', kind: 'person', displayName: 'Li', createdAt: '2026-01-01', updatedAt: '2026-01-01', version: 1 });
for (const n of ['CustomerSchema']) if (!z.globalRegistry.has(m[n])) throw new Error(n + ' is not registered once used');
console.log('esm: no schema built at import; built and registered on first use');
`;

const cjsProgram = `
const m = require(${JSON.stringify(cjs)});
const loaded = () => Object.keys(require.cache).filter((f) => f.includes('libphonenumber-js')).length;
if (loaded() > 0) throw new Error('libphonenumber-js loaded at require: ' + loaded() + ' files');
const got = m.normalizePhone('+44 20 7946 0958');
if (loaded() === 0) throw new Error('normalizePhone ran without libphonenumber-js');
const { parsePhoneNumberFromString } = require('libphonenumber-js/min');
const expected = parsePhoneNumberFromString('+44 20 7946 0958').number;
if (got !== expected) throw new Error('normalizePhone gave ' + got + ', libphonenumber-js ' + expected);
if (m.isValidPhone('+44 20 7946 0958') !== true) throw new Error('isValidPhone rejected a valid UK number');
console.log('cjs: libphonenumber-js not loaded at require; loaded on the first phone (' + got + ')');
`;

execFileSync(process.execPath, ['--input-type=module', '-e', esmProgram], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, ['-e', cjsProgram], { cwd: root, stdio: 'inherit' });
