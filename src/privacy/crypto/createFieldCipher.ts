import { CrmError, assert } from '../errors';
import { MASK_KINDS, type MaskKind } from '../masking/maskValue';
import { normalizeForIndex } from './normalizeForIndex';
import { type WebCryptoKey, aesGcmDecrypt, aesGcmEncrypt, fromBase64Url, hmacSha256, importAesKey, importHmacKey, toBase64Url } from './primitives';

/**
 * The keys of a {@link createFieldCipher}: AES-256 keys (32 random bytes each) by key id, the id
 * new ciphertexts use (`currentKeyId`), and a separate 32-byte key for blind indexes.
 * Key ids are 1-64 characters of `A-Z a-z 0-9 _ -`; they are stored in clear beside each
 * ciphertext. Keep the key bytes in a KMS or secret store, never beside the data.
 *
 * @example
 * ```ts
 * const keyring: FieldKeyring = {
 *   currentKeyId: '2026-03',
 *   keys: { '2026-03': new Uint8Array(32).fill(7) },
 *   blindIndexKey: new Uint8Array(32).fill(9),
 * };
 * ```
 */
export interface FieldKeyring {
  readonly currentKeyId: string;
  readonly keys: Readonly<Record<string, Uint8Array>>;
  readonly blindIndexKey: Uint8Array;
}

/**
 * Options of the cipher's `encrypt`, `decrypt` and `reencrypt`: `context` (default `''`), the
 * name of the field the value belongs to (`phone`, `person.residentId`). It is authenticated with
 * the ciphertext, so a ciphertext copied into another field does not decrypt there.
 *
 * @example
 * ```ts
 * const o: FieldCipherOptions = { context: 'phone' };
 * ```
 */
export interface FieldCipherOptions {
  readonly context?: string;
}

/**
 * Field-level encryption made by {@link createFieldCipher}. Every method is async (Web Crypto is).
 *
 * @example
 * ```ts
 * const roundTrip = async (c: FieldCipher, v: string) => c.decrypt(await c.encrypt(v));
 * ```
 */
export interface FieldCipher {
  /** Encrypts with the current key: `v1.<keyId>.<iv>.<ciphertext+tag>` (base64url parts). */
  encrypt(plaintext: string, options?: FieldCipherOptions): Promise<string>;
  /** Decrypts with the key named in the ciphertext. */
  decrypt(ciphertext: string, options?: FieldCipherOptions): Promise<string>;
  /** The ciphertext under the current key (unchanged when it already is). */
  reencrypt(ciphertext: string, options?: FieldCipherOptions): Promise<string>;
  /** The key id a ciphertext names (to find values still under an old key). */
  keyIdOf(ciphertext: string): string;
  /** The keyed blind index of a value: base64url HMAC-SHA-256 of the kind and the normalised value. */
  blindIndex(value: string, kind: MaskKind): Promise<string>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const VERSION = 'v1';
const IV_BYTES = 12;
const MAX_PLAINTEXT = 4096;
const KINDS: ReadonlySet<string> = /* @__PURE__ */ new Set(MASK_KINDS);
const encoder = /* @__PURE__ */ new TextEncoder();
const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });

// Without a rule the message reads "wrong key or tampered ciphertext".
const failed = (rule: string | undefined, cause?: unknown) => new CrmError('DECRYPTION_FAILED', { params: { field: 'ciphertext', rule }, ...(cause !== undefined && { cause }) });
const aad = (keyId: string, context: string) => encoder.encode(`crmkit.field.${VERSION}\u0000${keyId}\u0000${context}`);

function checkKeyring(keyring: FieldKeyring): Map<string, Uint8Array> {
  assert(keyring !== null && typeof keyring === 'object' && keyring.keys !== null && typeof keyring.keys === 'object', 'INVALID_ARGUMENT', {
    params: { field: 'keyring', rule: 'must be an object' },
  });
  const keys = new Map<string, Uint8Array>();
  for (const [id, raw] of Object.entries(keyring.keys)) {
    assert(KEY_ID.test(id), 'INVALID_ARGUMENT', { params: { field: 'keyring.keys', rule: 'key ids must be 1-64 letters, digits, _ or -' } });
    assert(raw instanceof Uint8Array && raw.length === 32, 'INVALID_ARGUMENT', { params: { field: 'keyring.keys', rule: 'must be 32 bytes' } });
    keys.set(id, raw.slice());
  }
  assert(typeof keyring.currentKeyId === 'string' && keys.has(keyring.currentKeyId), 'INVALID_ARGUMENT', {
    params: { field: 'keyring.currentKeyId', rule: `must be one of ${[...keys.keys()].join(', ')}` },
  });
  const index = keyring.blindIndexKey;
  assert(index instanceof Uint8Array && index.length === 32, 'INVALID_ARGUMENT', { params: { field: 'keyring.blindIndexKey', rule: 'must be 32 bytes' } });
  for (const raw of keys.values()) {
    assert(!sameBytes(raw, index), 'INVALID_ARGUMENT', { params: { field: 'keyring.blindIndexKey', rule: 'must differ from every encryption key' } });
  }
  return keys;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function contextOf(options: FieldCipherOptions | undefined): string {
  const context = options?.context ?? '';
  assert(typeof context === 'string' && context.length <= 4096, 'INVALID_ARGUMENT', { params: { field: 'context', rule: 'expected a string of at most 4096 characters' } });
  return context;
}

interface Parsed {
  readonly keyId: string;
  readonly iv: Uint8Array;
  readonly sealed: Uint8Array;
}

function parse(ciphertext: string): Parsed {
  if (typeof ciphertext !== 'string' || ciphertext.length > 2 * MAX_PLAINTEXT * 4) throw failed('not a field ciphertext');
  const parts = ciphertext.split('.');
  const [version, keyId, ivText, sealedText] = parts;
  if (parts.length !== 4 || version !== VERSION || keyId === undefined || !KEY_ID.test(keyId)) throw failed('not a field ciphertext');
  const iv = fromBase64Url(ivText as string);
  const sealed = fromBase64Url(sealedText as string);
  if (iv === undefined || iv.length !== IV_BYTES || sealed === undefined || sealed.length < 16) throw failed('not a field ciphertext');
  return { keyId, iv, sealed };
}

/**
 * Field-level encryption over Web Crypto (`globalThis.crypto.subtle`, in Node 20+ and browsers; no
 * dependency): AES-256-GCM per value with a random 96-bit IV (NIST SP 800-38D), the key id stored
 * beside the ciphertext for rotation, and a keyed blind index for equality lookups.
 *
 * **Ciphertext format** (ASCII, safe in any text column): `v1.<keyId>.<iv>.<ct>`, where `iv` is the
 * 12-byte IV and `ct` the ciphertext followed by the 16-byte GCM tag, both base64url without
 * padding. The version, key id and `context` are authenticated as additional data, so changing any
 * part, or moving the value to another field, fails with `DECRYPTION_FAILED`. A phone number
 * encrypts to about 70 characters.
 *
 * **Rotation**: add the new key, make it `currentKeyId`, and `reencrypt` stored values (in batches;
 * `keyIdOf` finds what is left); drop the old key when none remain. With random IVs keep each key
 * under 2^32 encryptions (SP 800-38D 8.3).
 *
 * **Blind index** (`blindIndex`): HMAC-SHA-256 under `blindIndexKey` of `kind` and the normalised
 * value, base64url. Store it in a column beside the ciphertext and look customers up, or block
 * duplicates, by equality (`WHERE phone_bidx = $1`). What it reveals to someone who reads the
 * table: which rows hold equal values (equality) and so how often each value occurs (frequency);
 * with the index key, anyone can test a guessed value. What it does not reveal without the key:
 * the value, its length, its prefix or order (no range or LIKE queries), or any relation between
 * different values. Keep the index key apart from the encryption keys; rotating it means
 * recomputing every index.
 *
 * @param keyring - see {@link FieldKeyring}
 * @returns the cipher; see {@link FieldCipher}
 * @throws {CrmError} `INVALID_ARGUMENT` for a bad keyring (synchronously). The cipher's methods
 *   reject with `DECRYPTION_FAILED` for a tampered or malformed ciphertext, a wrong key or context,
 *   or a key id not in the keyring; with `INVALID_ARGUMENT` for a non-string or over-long value (over 4096 characters) or an
 *   unknown index kind. No message carries the value.
 *
 * @example
 * ```ts
 * import { createFieldCipher } from 'crmkit/privacy';
 * const cipher = createFieldCipher({
 *   currentKeyId: 'k2026', keys: { k2026: new Uint8Array(32).fill(1) }, blindIndexKey: new Uint8Array(32).fill(2),
 * });
 * const sealed = await cipher.encrypt('+8613812345678', { context: 'phone' });
 * sealed.startsWith('v1.k2026.');
 * //=> true
 * await cipher.decrypt(sealed, { context: 'phone' });
 * //=> '+8613812345678'
 * (await cipher.blindIndex('138 1234 5678', 'phone')) === (await cipher.blindIndex('+8613812345678', 'phone'));
 * //=> true
 * ```
 */
export function createFieldCipher(keyring: FieldKeyring): FieldCipher {
  const raw = checkKeyring(keyring);
  const current = keyring.currentKeyId;
  const imported = new Map<string, Promise<WebCryptoKey>>();
  const aesKey = (keyId: string): Promise<WebCryptoKey> => {
    let key = imported.get(keyId);
    if (key === undefined) {
      const bytes = raw.get(keyId);
      if (bytes === undefined) return Promise.reject(new CrmError('DECRYPTION_FAILED', { params: { field: 'ciphertext', rule: 'the key id is not in the keyring' }, details: { keyId } }));
      imported.set(keyId, (key = importAesKey(bytes)));
    }
    return key;
  };
  const indexKey = importHmacKey(keyring.blindIndexKey.slice());
  indexKey.catch(() => undefined); // surfaced by blindIndex, not as an unhandled rejection

  const encrypt = async (plaintext: string, options?: FieldCipherOptions): Promise<string> => {
    assert(typeof plaintext === 'string' && plaintext.length <= MAX_PLAINTEXT, 'INVALID_ARGUMENT', { params: { field: 'plaintext', rule: 'expected a string of at most 4096 characters' } });
    const context = contextOf(options);
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = await aesGcmEncrypt(await aesKey(current), iv, encoder.encode(plaintext), aad(current, context));
    return `${VERSION}.${current}.${toBase64Url(iv)}.${toBase64Url(sealed)}`;
  };

  const decrypt = async (ciphertext: string, options?: FieldCipherOptions): Promise<string> => {
    const context = contextOf(options);
    const { keyId, iv, sealed } = parse(ciphertext);
    const key = await aesKey(keyId);
    let plain: Uint8Array;
    try {
      plain = await aesGcmDecrypt(key, iv, sealed, aad(keyId, context));
    } catch (cause) {
      throw failed(undefined, cause);
    }
    try {
      return decoder.decode(plain);
    } catch (cause) {
      throw failed('not a field ciphertext', cause);
    }
  };

  return Object.freeze({
    encrypt,
    decrypt,
    async reencrypt(ciphertext: string, options?: FieldCipherOptions): Promise<string> {
      if (parse(ciphertext).keyId === current) {
        await decrypt(ciphertext, options); // still authenticate it
        return ciphertext;
      }
      return encrypt(await decrypt(ciphertext, options), options);
    },
    keyIdOf: (ciphertext: string) => parse(ciphertext).keyId,
    async blindIndex(value: string, kind: MaskKind): Promise<string> {
      assert(typeof value === 'string' && value.length <= MAX_PLAINTEXT, 'INVALID_ARGUMENT', { params: { field: 'value', rule: 'expected a string of at most 4096 characters' } });
      assert(typeof kind === 'string' && KINDS.has(kind), 'INVALID_ARGUMENT', { params: { field: 'kind', rule: `must be one of ${MASK_KINDS.join(', ')}` } });
      const mac = await hmacSha256(await indexKey, encoder.encode(`${kind}\u0000${normalizeForIndex(value, kind)}`));
      return toBase64Url(mac);
    },
  });
}
