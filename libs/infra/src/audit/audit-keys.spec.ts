import { z } from 'zod';
import {
  auditSealerEnvShape,
  auditPublicKeyEnvShape,
  DEV_AUDIT_PUBLIC_KEY,
  DEV_AUDIT_SIGNING_KEY,
  refineAuditKey,
  auditSigningKey,
  auditPublicKey,
} from './audit-keys';
import { rawPublicKey } from './transparency';

const worker = z.object({ NODE_ENV: z.string(), ...auditSealerEnvShape }).superRefine((env, ctx) => refineAuditKey(env, ctx, 'AUDIT_SIGNING_KEY'));
const api = z.object({ NODE_ENV: z.string(), ...auditPublicKeyEnvShape }).superRefine((env, ctx) => refineAuditKey(env, ctx, 'AUDIT_PUBLIC_KEY'));
const OWN_SEED = Buffer.alloc(32, 5).toString('base64');

describe('audit signing key configuration', () => {
  it('development and tests sign with the published development key', () => {
    const env = worker.parse({ NODE_ENV: 'development' });
    expect(env).toMatchObject({
      AUDIT_KEY_NAME: 'bank-flows/audit',
      AUDIT_CHECKPOINT_DIR: 'var/audit-checkpoints',
      AUDIT_SEAL_INTERVAL_MS: 1000,
      AUDIT_SEALER_ID: 'audit-sealer',
    });
    expect(rawPublicKey(auditSigningKey(env)).toString('base64')).toBe(DEV_AUDIT_PUBLIC_KEY);
    expect(rawPublicKey(auditPublicKey(api.parse({ NODE_ENV: 'test' }))).toString('base64')).toBe(DEV_AUDIT_PUBLIC_KEY);
  });

  it('production refuses to start without a key of its own, or with the development key', () => {
    expect(worker.safeParse({ NODE_ENV: 'production' }).error?.issues[0]).toMatchObject({ path: ['AUDIT_SIGNING_KEY'], message: 'required in production' });
    expect(worker.safeParse({ NODE_ENV: 'production', AUDIT_SIGNING_KEY: DEV_AUDIT_SIGNING_KEY }).success).toBe(false);
    expect(api.safeParse({ NODE_ENV: 'production' }).success).toBe(false);
    expect(api.safeParse({ NODE_ENV: 'production', AUDIT_PUBLIC_KEY: DEV_AUDIT_PUBLIC_KEY }).success).toBe(false);
    const own = worker.parse({ NODE_ENV: 'production', AUDIT_SIGNING_KEY: OWN_SEED });
    const published = rawPublicKey(auditSigningKey(own)).toString('base64');
    expect(api.safeParse({ NODE_ENV: 'production', AUDIT_PUBLIC_KEY: published }).success).toBe(true);
  });

  it('refuses a key that is not Ed25519 and a key name signed notes cannot carry', () => {
    expect(worker.safeParse({ NODE_ENV: 'test', AUDIT_SIGNING_KEY: 'c2hvcnQ=' }).success).toBe(false);
    expect(worker.safeParse({ NODE_ENV: 'test', AUDIT_KEY_NAME: 'bank audit' }).success).toBe(false);
    expect(worker.safeParse({ NODE_ENV: 'test', AUDIT_KEY_NAME: 'a+b' }).success).toBe(false);
  });
});
