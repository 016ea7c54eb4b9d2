import { auditPublicKey, auditSigningKey } from './audit-keys';
import { recordView, viewLeafHash, type AuditRecordRow } from './audit-record-view';
import { verifyRecordProof, type InclusionProofJson } from './audit-proof-verify';
import { formatCheckpoint, inclusionProof, loadPrivateKey, memoryNodeReader, rootHash, signCheckpoint } from './transparency';
import { createPublicKey } from 'node:crypto';

const NAME = 'bank-flows/audit';
const row = (i: number): AuditRecordRow => ({
  id: String(100 + i),
  occurred_at: '2026-12-01T06:00:00.000Z',
  actor_type: 'USER',
  actor_id: `u-${i}`,
  partner_id: null,
  action: 'payment.confirm',
  target_type: 'PAYMENT',
  target_id: `p-${i}`,
  outcome: 'SUCCESS',
  request_id: null,
  client_address: '203.0.113.7',
  details: JSON.stringify({ i, note: 'Қазақ' }),
  dedup_key: null,
});

describe('offline inclusion proof (npm run audit:verify-proof)', () => {
  const views = Array.from({ length: 13 }, (_, i) => recordView(row(i)));
  const read = memoryNodeReader(views.map(viewLeafHash));
  const note = signCheckpoint(formatCheckpoint({ origin: NAME, treeSize: 13, rootHash: rootHash(13, read), timestamp: new Date(0) }), auditSigningKey({}), NAME);
  const proof = (i: number, size = 13): InclusionProofJson => ({
    recordId: views[i]!.id,
    leafIndex: i,
    treeSize: size,
    leafHash: viewLeafHash(views[i]!).toString('hex'),
    auditPath: inclusionProof(i, size, read).map((h) => h.toString('hex')),
    record: views[i]!,
  });

  it('verifies every record of the tree against the signed checkpoint alone', () => {
    for (let i = 0; i < 13; i++) expect(verifyRecordProof(proof(i), note, auditPublicKey({}))).toEqual({ ok: true, treeSize: 13, leafIndex: i });
    // A purged record: the leaf hash alone still proves the leaf.
    expect(verifyRecordProof({ ...proof(5), record: null }, note, auditPublicKey({}))).toMatchObject({ ok: true });
  });

  it('refuses a changed record, path, index, size, or a checkpoint of another key', () => {
    const key = auditPublicKey({});
    expect(verifyRecordProof({ ...proof(3), record: { ...views[3]!, outcome: 'FAILURE' } }, note, key)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/does not hash/),
    });
    expect(verifyRecordProof({ ...proof(3), record: views[4]! }, note, key)).toMatchObject({ ok: false });
    const path = proof(3).auditPath;
    expect(verifyRecordProof({ ...proof(3), auditPath: [path[1]!, path[0]!, ...path.slice(2)] }, note, key)).toMatchObject({ ok: false });
    expect(verifyRecordProof({ ...proof(3), leafIndex: 2 }, note, key)).toMatchObject({ ok: false });
    expect(verifyRecordProof(proof(3, 12), note, key)).toMatchObject({ ok: false, reason: expect.stringMatching(/treeSize=13/) });
    expect(verifyRecordProof({ ...proof(3), auditPath: path.map((h) => h.toUpperCase()) }, note, key)).toMatchObject({ ok: false });
    const other = createPublicKey(loadPrivateKey(Buffer.alloc(32, 9).toString('base64')));
    expect(verifyRecordProof(proof(3), note, other)).toMatchObject({ ok: false, reason: expect.stringMatching(/checkpoint does not verify/) });
  });
});
