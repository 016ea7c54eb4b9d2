import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { assertKeyName, loadPrivateKey, loadPublicKey } from './transparency/checkpoint-keys';
import { rawPublicKey } from './transparency';

/**
 * The checkpoint signing key (§1.15) in configuration. Development and tests sign with a key whose
 * seed is public (in this file): its checkpoints prove nothing, and production refuses to start
 * with it or without a key of its own. Only the worker (the sealer) holds the private key; the API
 * gets the public key to publish.
 */
const DEV_SEED = Buffer.from('DEV ONLY audit key - not secret!', 'utf8');
export const DEV_AUDIT_SIGNING_KEY = DEV_SEED.toString('base64');
export const DEV_AUDIT_PUBLIC_KEY = rawPublicKey(loadPrivateKey(DEV_AUDIT_SIGNING_KEY)).toString('base64');

const keyName = z
  .string()
  .default('bank-flows/audit')
  .refine((v) => {
    try {
      assertKeyName(v);
      return true;
    } catch {
      return false;
    }
  }, 'a signed-note key name: no spaces, no "+"');

const loads = (load: (v: string) => KeyObject) => (v: string | undefined) => {
  if (v === undefined) return true;
  try {
    load(v);
    return true;
  } catch {
    return false;
  }
};

/** The worker's settings: the sealer signs. */
export const auditSealerEnvShape = {
  /** Ed25519 private key: PKCS#8 PEM, or the raw 32-byte seed in base64. */
  AUDIT_SIGNING_KEY: z.string().optional().refine(loads(loadPrivateKey), 'an Ed25519 private key (PKCS#8 PEM or base64 seed)'),
  /** Signed-note key name = checkpoint origin. */
  AUDIT_KEY_NAME: keyName,
  /** Where signed checkpoints are exported, outside the database. */
  AUDIT_CHECKPOINT_DIR: z.string().min(1).default('var/audit-checkpoints'),
  /** How often the sealer seals. */
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  /** The sealer's workflow id: one sealer per id in a cluster. */
  AUDIT_SEALER_ID: z.string().min(1).default('audit-sealer'),
};

/** The API's settings: it publishes the public key and verifies the checkpoints it serves. */
export const auditPublicKeyEnvShape = {
  /** Ed25519 public key: SPKI PEM, or the raw 32 bytes in base64. */
  AUDIT_PUBLIC_KEY: z.string().optional().refine(loads(loadPublicKey), 'an Ed25519 public key (SPKI PEM or base64)'),
  AUDIT_KEY_NAME: keyName,
};

interface KeyEnv {
  NODE_ENV: string;
  AUDIT_SIGNING_KEY?: string;
  AUDIT_PUBLIC_KEY?: string;
}

/** Production must bring its own key, and never the development one. */
export function refineAuditKey(env: KeyEnv, ctx: z.RefinementCtx, which: 'AUDIT_SIGNING_KEY' | 'AUDIT_PUBLIC_KEY'): void {
  if (env.NODE_ENV !== 'production') return;
  const value = env[which];
  const dev = which === 'AUDIT_SIGNING_KEY' ? DEV_AUDIT_SIGNING_KEY : DEV_AUDIT_PUBLIC_KEY;
  if (!value) ctx.addIssue({ code: 'custom', path: [which], message: 'required in production' });
  else if (value.trim() === dev) ctx.addIssue({ code: 'custom', path: [which], message: 'the development key may not be used in production' });
}

export const auditSigningKey = (env: { AUDIT_SIGNING_KEY?: string }): KeyObject => loadPrivateKey(env.AUDIT_SIGNING_KEY ?? DEV_AUDIT_SIGNING_KEY);

export const auditPublicKey = (env: { AUDIT_PUBLIC_KEY?: string }): KeyObject => loadPublicKey(env.AUDIT_PUBLIC_KEY ?? DEV_AUDIT_PUBLIC_KEY);
