import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** Purposes of the keys derived from APP_SECRET; one key per use, so a leak of one use's outputs tells nothing of another. */
type KeyPurpose = 'token-derive' | 'token-hash' | 'code-derive' | 'code-hash' | 'session-hash' | 'request-digest' | 'counter-subject' | 'operator-codec-session';

/**
 * Keyed hashing and secret derivation. Only HMACs of codes, tokens and session
 * keys are stored; comparisons are constant-time.
 *
 * Codes and link tokens are derived HOTP-style (RFC 4226): HMAC of a unique,
 * non-secret scope (workflow id + counter) under a secret key. An activity that
 * is retried after a crash therefore re-sends the *same* code or link, never a
 * second one, without the secret ever being stored or passing through Temporal.
 */
export class SecretKeys {
  private readonly keys = new Map<KeyPurpose, Buffer>();

  constructor(masterSecretBase64: string) {
    const master = Buffer.from(masterSecretBase64, 'base64');
    if (master.length < 32) throw new Error('APP_SECRET must hold at least 32 bytes');
    for (const purpose of [
      'token-derive',
      'token-hash',
      'code-derive',
      'code-hash',
      'session-hash',
      'request-digest',
      'counter-subject',
      'operator-codec-session',
    ] as const) {
      this.keys.set(purpose, Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `bank-flows/${purpose}`, 32)));
    }
  }

  hmacHex(purpose: KeyPurpose, data: string): string {
    return createHmac('sha256', this.key(purpose)).update(data, 'utf8').digest('hex');
  }

  /** A 256-bit URL-safe token bound to a scope (e.g. a registration workflow id). */
  deriveToken(scope: string): string {
    return createHmac('sha256', this.key('token-derive')).update(scope, 'utf8').digest('base64url');
  }

  /** A 6-digit code, HOTP dynamic truncation of HMAC-SHA256(scope). */
  deriveCode(scope: string, digits = 6): string {
    const mac = createHmac('sha256', this.key('code-derive')).update(scope, 'utf8').digest();
    const offset = mac[mac.length - 1]! & 0x0f;
    const binary = mac.readUInt32BE(offset) & 0x7fffffff;
    return (binary % 10 ** digits).toString().padStart(digits, '0');
  }

  hashToken(token: string): string {
    return this.hmacHex('token-hash', token);
  }

  hashCode(scope: string, code: string): string {
    // The scope is part of the MAC so equal codes of different challenges differ.
    return this.hmacHex('code-hash', `${scope}\u0000${code}`);
  }

  hashSessionKey(sessionKey: string): string {
    return this.hmacHex('session-hash', sessionKey);
  }

  /** Key of a rate counter: an HMAC, so counters never hold addresses, logins or phones. */
  counterSubject(kind: string, value: string): string {
    return this.hmacHex('counter-subject', `${kind}\u0000${value}`);
  }

  private key(purpose: KeyPurpose): Buffer {
    return this.keys.get(purpose)!;
  }
}

/** Constant-time comparison of two hex digests of equal expected length. */
export function digestsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  if (x.length !== y.length || x.length === 0) return false;
  return timingSafeEqual(x, y);
}
