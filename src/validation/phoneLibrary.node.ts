import { createRequire } from 'node:module';
import type { PhoneLibrary } from './phoneLibrary';

let library: PhoneLibrary | undefined;

/**
 * The `phoneLibrary` of ./phoneLibrary.ts for the ESM build as Node runs it: libphonenumber-js
 * (about 90 modules with its metadata, some 0.6x of zod's own cold import) is required, through its
 * CommonJS build, on the first phone number crmkit parses instead of at `import('crmkit')`.
 *
 * Node picks this file through the `node` condition of `#crmkit/phone-library` in package.json
 * `imports`; bundlers match the `module` condition before it and keep the static import, which they
 * can follow. An app that imports libphonenumber-js itself may so hold its ES module copy beside
 * this CommonJS one; the two never meet, because no libphonenumber-js object crosses crmkit's API
 * (crmkit returns E.164 strings and booleans).
 *
 * @internal
 */
export function phoneLibrary(): PhoneLibrary {
  return (library ??= createRequire(import.meta.url)('libphonenumber-js/min') as PhoneLibrary);
}
