// Thin wrappers over Web Crypto (globalThis.crypto.subtle: Node 20 and browsers). The test checks
// them against the GCM specification's vectors and RFC 4231.

/** Bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] as number);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (no padding) to bytes; undefined when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const subtle = () => globalThis.crypto.subtle;

/** A Web Crypto key (the global `CryptoKey`, typed without the DOM library). */
export type WebCryptoKey = Awaited<ReturnType<ReturnType<typeof subtle>['importKey']>>;

/** An AES-GCM key from 32 raw bytes (AES-256). */
export function importAesKey(raw: Uint8Array): Promise<WebCryptoKey> {
  return subtle().importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** An HMAC-SHA-256 key from raw bytes. */
export function importHmacKey(raw: Uint8Array): Promise<WebCryptoKey> {
  return subtle().importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** AES-GCM encryption with a 128-bit tag: ciphertext followed by the tag. */
export async function aesGcmEncrypt(key: WebCryptoKey, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: iv, additionalData: aad, tagLength: 128 }, key, plaintext));
}

/** AES-GCM decryption; rejects when the tag does not verify. */
export async function aesGcmDecrypt(key: WebCryptoKey, iv: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: iv, additionalData: aad, tagLength: 128 }, key, sealed));
}

/** HMAC-SHA-256 of `data`. */
export async function hmacSha256(key: WebCryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign('HMAC', key, data));
}
