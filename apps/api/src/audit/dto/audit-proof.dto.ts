import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { auditConsistencyQuerySchema, auditProofQuerySchema, auditRecordParamsSchema } from '@domain/audit';
import { instant } from '../../openapi/schemas';

export class AuditRecordParamsDto extends createZodDto(auditRecordParamsSchema) {}
export class AuditProofQueryDto extends createZodDto(auditProofQuerySchema) {}
export class AuditConsistencyQueryDto extends createZodDto(auditConsistencyQuerySchema) {}

const hash = () =>
  z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ description: 'SHA-256, lowercase hex.' });
const ROOT = '4a5f8c3e1b2d0e9f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f';

export class AuditCheckpointDto extends createZodDto(
  z
    .object({
      origin: z.string().meta({ description: 'Checkpoint origin = signing key name.' }),
      treeSize: z.int().min(0).meta({ description: 'Records in the tree.' }),
      rootHash: hash().meta({ description: 'RFC 9162 Merkle tree hash of the whole tree.' }),
      timestamp: instant(),
      keyId: z
        .string()
        .regex(/^[0-9a-f]{8}$/)
        .meta({ description: 'C2SP signed-note key id (4 bytes, hex).' }),
      signature: z.string().meta({ description: 'Ed25519 signature over the checkpoint body, base64.' }),
      note: z.string().meta({ description: 'The whole C2SP signed note (tlog-checkpoint body, blank line, signature line).' }),
    })
    .meta({
      examples: [
        {
          origin: 'bank-flows/audit',
          treeSize: 1042,
          rootHash: ROOT,
          timestamp: '2026-12-01T06:05:00.000Z',
          keyId: '1a2b3c4d',
          signature: 'base64…',
          note: 'bank-flows/audit\n1042\nSl+MPhstDp96a1xNPi8aC5yNfm9aSzwtHg+ai3xtXk8=\ntimestamp 2026-12-01T06:05:00.000Z\n\n— bank-flows/audit base64…\n',
        },
      ],
    }),
) {}

export class AuditInclusionProofDto extends createZodDto(
  z
    .object({
      recordId: z.string(),
      leafIndex: z.int().min(0),
      treeSize: z.int().min(1),
      leafHash: hash().meta({ description: 'SHA-256(0x00 ‖ RFC 8785 bytes of `record`).' }),
      auditPath: z.array(hash()).meta({ description: 'RFC 9162 §2.1.3 inclusion proof, the leaf’s sibling first.' }),
      record: z
        .record(z.string(), z.unknown())
        .nullable()
        .meta({ description: 'The record exactly as its leaf commits to it; null once retention removed its body (the leaf stays).' }),
    })
    .meta({
      examples: [{ recordId: '1042', leafIndex: 1041, treeSize: 1042, leafHash: ROOT, auditPath: [ROOT], record: { id: '1042', action: 'payment.confirm' } }],
    }),
) {}

export class AuditConsistencyProofDto extends createZodDto(
  z
    .object({ from: z.int().min(1), to: z.int().min(1), proof: z.array(hash()).meta({ description: 'RFC 9162 §2.1.4 consistency proof.' }) })
    .meta({ examples: [{ from: 1000, to: 1042, proof: [ROOT] }] }),
) {}

export class AuditPublicKeyDto extends createZodDto(
  z
    .object({
      keyName: z.string(),
      keyId: z.string().regex(/^[0-9a-f]{8}$/),
      algorithm: z.literal('Ed25519'),
      publicKey: z.string().meta({ description: 'The raw 32-byte key, base64 (what AUDIT_PUBLIC_KEY takes).' }),
      publicKeyPem: z.string().meta({ description: 'The same key as SPKI PEM.' }),
      verifierKey: z.string().meta({ description: 'C2SP signed-note verifier key `<name>+<key id>+<base64(0x01 ‖ key)>`.' }),
    })
    .meta({
      examples: [
        {
          keyName: 'bank-flows/audit',
          keyId: '1a2b3c4d',
          algorithm: 'Ed25519',
          publicKey: 'MCowBQYDK2VwAyEA6Xw2Lq1pYc2Jm8h0c1W9qP3o7Uq0cN2v3tR5x8yZ0aE=',
          publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA6Xw2Lq1pYc2Jm8h0c1W9qP3o7Uq0cN2v3tR5x8yZ0aE=\n-----END PUBLIC KEY-----\n',
          verifierKey: 'bank-flows/audit+1a2b3c4d+AelsNi6taWHNiZvIdHNVvaj96O1KtHDdr97UeV8smdGh',
        },
      ],
    }),
) {}
