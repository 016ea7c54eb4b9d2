import { Inject, Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { auditProofErrors, type AuditConsistencyQuery } from '@domain/audit';
import { auditPublicKey } from '@infra/audit/audit-keys';
import type { InclusionProofJson } from '@infra/audit/audit-proof-verify';
import { RECORD_COLUMNS, recordView, type AuditRecordRow } from '@infra/audit/audit-record-view';
import { AuditTreeRepository, prismaSql, type StoredCheckpoint } from '@infra/audit/audit-tree.repository';
import { checkpointJson, keyId, parseAndVerifyCheckpoint, rawPublicKey, verifierKey, type CheckpointJson } from '@infra/audit/transparency';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import { DomainProblem } from '../common/problem';
import type { ApiEnv } from '../config/api-env';

export interface AuditPublicKeyJson {
  keyName: string;
  keyId: string;
  algorithm: 'Ed25519';
  /** The raw 32-byte key, base64 (what AUDIT_PUBLIC_KEY takes). */
  publicKey: string;
  publicKeyPem: string;
  /** C2SP signed-note verifier key: `<name>+<key id>+<base64(0x01 ‖ key)>`. */
  verifierKey: string;
}

const hex = (hashes: Buffer[]): string[] => hashes.map((h) => h.toString('hex'));

/** Checkpoints and proofs of the audit log (§1.15) for operators and their auditors; hashes in lowercase hex. */
@Injectable()
export class AuditProofService {
  private readonly tree: AuditTreeRepository;
  private readonly publicKey: KeyObject;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {
    this.tree = new AuditTreeRepository(prismaSql(prisma));
    this.publicKey = auditPublicKey(env);
  }

  /** The newest checkpoint, verified with the published key before it is served. */
  async checkpoint(): Promise<CheckpointJson> {
    return checkpointJson(parseAndVerifyCheckpoint((await this.latest()).note, this.publicKey, this.env.AUDIT_KEY_NAME));
  }

  async inclusionProof(recordId: string, treeSize?: number): Promise<InclusionProofJson> {
    const latest = (await this.latest()).treeSize;
    if (treeSize !== undefined && treeSize > latest) throw new DomainProblem(auditProofErrors.unknownTreeSize(treeSize));
    const size = treeSize ?? latest;
    const leaf = await this.tree.leafOf(recordId);
    if (!leaf) throw new DomainProblem(auditProofErrors.recordNotSealed(recordId));
    if (leaf.leafIndex >= size) throw new DomainProblem(auditProofErrors.recordOutsideTree(recordId, size));
    const [row] = await this.prisma.$queryRawUnsafe<AuditRecordRow[]>(`SELECT ${RECORD_COLUMNS} FROM audit_records r WHERE r.id = $1::bigint`, recordId);
    return {
      recordId,
      leafIndex: leaf.leafIndex,
      treeSize: size,
      leafHash: leaf.leafHash.toString('hex'),
      auditPath: hex(await this.tree.inclusionProof(leaf.leafIndex, size)),
      record: row ? recordView(row) : null,
    };
  }

  async consistencyProof({ from, to }: AuditConsistencyQuery): Promise<{ from: number; to: number; proof: string[] }> {
    const latest = await this.latest();
    if (to > latest.treeSize) throw new DomainProblem(auditProofErrors.unknownTreeSize(to));
    return { from, to, proof: hex(await this.tree.consistencyProof(from, to)) };
  }

  publicKeyInfo(): AuditPublicKeyJson {
    const name = this.env.AUDIT_KEY_NAME;
    return {
      keyName: name,
      keyId: keyId(name, this.publicKey).toString('hex'),
      algorithm: 'Ed25519',
      publicKey: rawPublicKey(this.publicKey).toString('base64'),
      publicKeyPem: this.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      verifierKey: verifierKey(name, this.publicKey),
    };
  }

  private async latest(): Promise<StoredCheckpoint> {
    const latest = await this.tree.latestCheckpoint();
    if (!latest) throw new DomainProblem(auditProofErrors.noCheckpoint());
    return latest;
  }
}
