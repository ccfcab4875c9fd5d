// Field encryption. The primitives are checked against published vectors: AES-256-GCM test cases
// 13-16 of McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)" (the vectors NIST's GCM
// validation reuses), and HMAC-SHA-256 test cases 1 and 2 of RFC 4231. The cipher's format is
// checked by decrypting its output with node:crypto (a second implementation), and the blind index
// by recomputing the HMAC with node:crypto.
import { createDecipheriv, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCrmError } from 'crmkit';
import { createFieldCipher } from 'crmkit/privacy';
import { aesGcmDecrypt, aesGcmEncrypt, fromBase64Url, hmacSha256, importAesKey, importHmacKey, toBase64Url } from '../../src/privacy/crypto/primitives';

const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

async function rejectsWith(p: Promise<unknown>, code: string): Promise<Error> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(isCrmError(e) ? e.code : e).toBe(code);
  return e as Error;
}

describe('primitives against published vectors', () => {
  const K15 = 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308';
  const P15 = 'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255';
  const C15 = '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad';
  it.each([
    ['13', '00'.repeat(32), '00'.repeat(12), '', '', '', '530f8afbc74536b9a963b4f1c4cb738b'],
    ['14', '00'.repeat(32), '00'.repeat(12), '00'.repeat(16), '', 'cea7403d4d606b6e074ec5d3baf39d18', 'd0d1c8a799996bf0265b98b5d48ab919'],
    ['15', K15, 'cafebabefacedbaddecaf888', P15, '', C15, 'b094dac5d93471bdec1a502270e3cc6c'],
    ['16', K15, 'cafebabefacedbaddecaf888', P15.slice(0, 120), 'feedfacedeadbeeffeedfacedeadbeefabaddad2', C15.slice(0, 120), '76fc6ece0f4e1768cddf8853bb2d551b'],
  ])('AES-256-GCM test case %s', async (_n, k, iv, p, a, c, t) => {
    const key = await importAesKey(hex(k));
    const sealed = await aesGcmEncrypt(key, hex(iv), hex(p), hex(a));
    expect(toHex(sealed)).toBe(c + t);
    expect(toHex(await aesGcmDecrypt(key, hex(iv), sealed, hex(a)))).toBe(p);
  });

  it.each([
    ['1', '0b'.repeat(20), 'Hi There', 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    ['2', toHex(new TextEncoder().encode('Jefe')), 'what do ya want for nothing?', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
  ])('HMAC-SHA-256 RFC 4231 test case %s', async (_n, k, data, mac) => {
    expect(toHex(await hmacSha256(await importHmacKey(hex(k)), new TextEncoder().encode(data)))).toBe(mac);
  });

  it('base64url round-trips and rejects other text', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
      expect(fromBase64Url(toBase64Url(b))).toEqual(b);
    }));
    expect(fromBase64Url('a+b=')).toBeUndefined();
  });
});

const keyring = { currentKeyId: 'k1', keys: { k1: bytes(32, 1) }, blindIndexKey: bytes(32, 9) };

describe('createFieldCipher', () => {
  const cipher = createFieldCipher(keyring);

  it('decrypt(encrypt(x)) = x (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 20 }), async (x, context) => {
        expect(await cipher.decrypt(await cipher.encrypt(x, { context }), { context })).toBe(x);
      }),
      { numRuns: 200 },
    );
  });

  it('writes the documented format, readable by node:crypto', async () => {
    const sealed = await cipher.encrypt('+8613812345678', { context: 'phone' });
    const [v, id, ivText, ctText] = sealed.split('.') as [string, string, string, string];
    expect([v, id]).toEqual(['v1', 'k1']);
    const iv = Buffer.from(ivText, 'base64url');
    const ct = Buffer.from(ctText, 'base64url');
    expect(iv.length).toBe(12);
    const d = createDecipheriv('aes-256-gcm', Buffer.from(bytes(32, 1)), iv);
    d.setAAD(Buffer.from('crmkit.field.v1\u0000k1\u0000phone'));
    d.setAuthTag(ct.subarray(ct.length - 16));
    expect(Buffer.concat([d.update(ct.subarray(0, ct.length - 16)), d.final()]).toString('utf8')).toBe('+8613812345678');
    // Two encryptions of one value differ (random IVs).
    expect(await cipher.encrypt('+8613812345678', { context: 'phone' })).not.toBe(sealed);
  });

  it('tampering, a wrong key, a wrong context: DECRYPTION_FAILED without the value', async () => {
    const sealed = await cipher.encrypt('13812345678', { context: 'phone' });
    const parts = sealed.split('.');
    const ct = fromBase64Url(parts[3] as string) as Uint8Array;
    ct[0] = (ct[0] as number) ^ 1;
    const tampered = [parts[0], parts[1], parts[2], toBase64Url(ct)].join('.');
    const e = await rejectsWith(cipher.decrypt(tampered, { context: 'phone' }), 'DECRYPTION_FAILED');
    expect(e.message).not.toContain('13812345678');
    await rejectsWith(cipher.decrypt(sealed, { context: 'email' }), 'DECRYPTION_FAILED');
    const other = createFieldCipher({ ...keyring, keys: { k1: bytes(32, 2) } });
    await rejectsWith(other.decrypt(sealed, { context: 'phone' }), 'DECRYPTION_FAILED');
    await rejectsWith(cipher.decrypt('v1.k1.not-base64!.x'), 'DECRYPTION_FAILED');
    await rejectsWith(cipher.decrypt(sealed.replace('v1.', 'v2.')), 'DECRYPTION_FAILED');
  });

  it('an unknown key id is a CrmError with no value in the message', async () => {
    const later = createFieldCipher({ currentKeyId: 'k2', keys: { k2: bytes(32, 3) }, blindIndexKey: bytes(32, 9) });
    const sealed = await later.encrypt('secret-value');
    const e = await rejectsWith(cipher.decrypt(sealed), 'DECRYPTION_FAILED');
    expect(e.message).toBe('ciphertext: could not be decrypted (the key id is not in the keyring)');
    expect(e.message).not.toContain('secret-value');
  });

  it('reencrypt moves values to the current key; unchanged when already there', async () => {
    const old = await cipher.encrypt('13812345678', { context: 'phone' });
    const rotated = createFieldCipher({ currentKeyId: 'k2', keys: { k1: bytes(32, 1), k2: bytes(32, 3) }, blindIndexKey: bytes(32, 9) });
    const moved = await rotated.reencrypt(old, { context: 'phone' });
    expect(rotated.keyIdOf(moved)).toBe('k2');
    expect(await rotated.decrypt(moved, { context: 'phone' })).toBe('13812345678');
    expect(await rotated.reencrypt(moved, { context: 'phone' })).toBe(moved);
    await rejectsWith(cipher.decrypt(moved, { context: 'phone' }), 'DECRYPTION_FAILED');
  });

  it('blind index: HMAC-SHA-256 of kind NUL normalised value under the index key (node:crypto)', async () => {
    const expected = createHmac('sha256', Buffer.from(bytes(32, 9))).update('phone\u0000+8613812345678').digest('base64url');
    expect(await cipher.blindIndex('138-1234-5678', 'phone')).toBe(expected);
    expect(await cipher.blindIndex('0086 138 1234 5678', 'phone')).toBe(expected);
    expect(await cipher.blindIndex(' Li@Example.CN ', 'email')).toBe(await cipher.blindIndex('li@example.cn', 'email'));
    // Keyed: another index key gives unrelated indexes; the kind separates equal text.
    const other = createFieldCipher({ ...keyring, blindIndexKey: bytes(32, 8) });
    expect(await other.blindIndex('13812345678', 'phone')).not.toBe(expected);
    expect(await cipher.blindIndex('110105', 'residentId')).not.toBe(await cipher.blindIndex('110105', 'bankCard'));
  });

  it('refuses bad keyrings and arguments', async () => {
    const bad = (k: object) => {
      try {
        createFieldCipher(k as typeof keyring);
        return 'no error';
      } catch (e) {
        return isCrmError(e) ? e.code : 'other';
      }
    };
    expect(bad({ ...keyring, keys: { k1: bytes(16, 1) } })).toBe('INVALID_ARGUMENT');
    expect(bad({ ...keyring, currentKeyId: 'k9' })).toBe('INVALID_ARGUMENT');
    expect(bad({ ...keyring, keys: { 'k.1': bytes(32, 1) }, currentKeyId: 'k.1' })).toBe('INVALID_ARGUMENT');
    expect(bad({ ...keyring, blindIndexKey: bytes(32, 1) })).toBe('INVALID_ARGUMENT');
    await rejectsWith(cipher.blindIndex('x', 'fax' as 'phone'), 'INVALID_ARGUMENT');
  });
});
