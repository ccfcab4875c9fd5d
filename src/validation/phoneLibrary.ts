import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** The libphonenumber-js functions crmkit calls (with the package's `min` metadata). */
export interface PhoneLibrary {
  readonly isValidPhoneNumber: typeof isValidPhoneNumber;
  readonly parsePhoneNumberFromString: typeof parsePhoneNumberFromString;
}

const library: PhoneLibrary = { isValidPhoneNumber, parsePhoneNumberFromString };

/**
 * libphonenumber-js, reached through one function so that a build can load it on the first phone
 * number that needs it rather than at import. The CommonJS build does (tsup.config.ts replaces this
 * module there with a `require` on first call, so `require('crmkit')` does not read the ~90 files of
 * libphonenumber-js and its metadata), and so does the ESM build as Node runs it (./phoneLibrary.node.ts,
 * chosen by the `#crmkit/phone-library` entry of package.json `imports`). ES modules cannot load a
 * module synchronously on demand in a browser, so this static import is what bundlers and other
 * runtimes get; bundlers still drop it wherever no phone is parsed.
 *
 * @internal
 */
export function phoneLibrary(): PhoneLibrary {
  return library;
}
