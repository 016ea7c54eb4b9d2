import { randomBytes } from 'node:crypto';
import { SecretKeys, digestsEqual } from './secret-keys';

const keys = new SecretKeys(randomBytes(32).toString('base64'));

describe('SecretKeys', () => {
  it('derives the same code for the same scope, so a retried send repeats it (never a second code)', () => {
    expect(keys.deriveCode('registration-u1-1/code/1')).toBe(keys.deriveCode('registration-u1-1/code/1'));
    expect(keys.deriveCode('registration-u1-1/code/1')).toMatch(/^\d{6}$/);
  });

  it('derives different codes and tokens for different scopes and different secrets', () => {
    const other = new SecretKeys(randomBytes(32).toString('base64'));
    const codes = new Set(Array.from({ length: 200 }, (_, i) => keys.deriveCode(`s/${i}`)));
    expect(codes.size).toBeGreaterThan(190);
    expect(other.deriveToken('scope')).not.toBe(keys.deriveToken('scope'));
  });

  it('makes 256-bit url-safe tokens', () => {
    const token = keys.deriveToken('registration-u1-1');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('hashes codes per scope and compares digests in constant time', () => {
    const h = keys.hashCode('a', '123456');
    expect(h).not.toBe(keys.hashCode('b', '123456'));
    expect(digestsEqual(h, keys.hashCode('a', '123456'))).toBe(true);
    expect(digestsEqual(h, keys.hashCode('a', '123457'))).toBe(false);
    expect(digestsEqual(h, h.slice(0, 10))).toBe(false);
    expect(digestsEqual('', '')).toBe(false);
  });

  it('refuses a short master secret', () => {
    expect(() => new SecretKeys(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
