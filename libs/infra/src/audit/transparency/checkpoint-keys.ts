import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Ed25519 keys for checkpoint signing, and the identifiers C2SP signed-note derives from them.
 *
 * Configuration form: the private key as PKCS#8 PEM (what `openssl genpkey -algorithm ed25519`
 * writes), in a file or secret; the raw 32-byte seed as base64 is accepted too, for environment
 * variables. Public keys likewise as SPKI PEM or raw 32 bytes base64. The key published to
 * auditors is the signed-note verifier key `verifierKey(name, key)`, which carries name and key id.
 */

/** Signed-note signature type 0x01 = Ed25519 (C2SP signed-note, "Signature types"). */
const ED25519_TYPE = 0x01;
// DER prefixes that wrap a raw Ed25519 key as PKCS#8 / SPKI (RFC 8410 §7 and §4).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const RAW_KEY_BYTES = 32;

export function loadPrivateKey(config: string): KeyObject {
  const key = config.includes('-----BEGIN')
    ? createPrivateKey(config)
    : createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, rawBytes(config)]), format: 'der', type: 'pkcs8' });
  return assertEd25519(key);
}

export function loadPublicKey(config: string): KeyObject {
  const key = config.includes('-----BEGIN')
    ? createPublicKey(config)
    : createPublicKey({ key: Buffer.concat([SPKI_PREFIX, rawBytes(config)]), format: 'der', type: 'spki' });
  return assertEd25519(key);
}

/** The 32 raw public key bytes (RFC 8032 encoding); a private key yields its public half. */
export function rawPublicKey(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : assertEd25519(key);
  const jwk = pub.export({ format: 'jwk' });
  return Buffer.from(jwk.x as string, 'base64url');
}

/**
 * Key id = first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key) (C2SP signed-note): binds the
 * name, so one key under two names gives two ids, and lets a verifier pick its key among lines.
 */
export function keyId(name: string, key: KeyObject): Buffer {
  assertKeyName(name);
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519_TYPE]))
    .update(rawPublicKey(key))
    .digest()
    .subarray(0, 4);
}

/** `<name>+<key id hex>+<base64(0x01 ‖ public key)>`: the signed-note verifier key text. */
export function verifierKey(name: string, key: KeyObject): string {
  const typed = Buffer.concat([Buffer.from([ED25519_TYPE]), rawPublicKey(key)]);
  return `${name}+${keyId(name, key).toString('hex')}+${typed.toString('base64')}`;
}

/** Signed-note key names are non-empty and contain no whitespace and no '+'. */
export function assertKeyName(name: string): void {
  if (name.length === 0 || /[\s+]/u.test(name)) throw new Error(`invalid signed-note key name ${JSON.stringify(name)}`);
}

function rawBytes(base64: string): Buffer {
  const bytes = Buffer.from(base64.trim(), 'base64');
  if (bytes.length !== RAW_KEY_BYTES || bytes.toString('base64') !== base64.trim()) {
    throw new Error(`a raw Ed25519 key is ${RAW_KEY_BYTES} bytes in padded base64`);
  }
  return bytes;
}

function assertEd25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}
