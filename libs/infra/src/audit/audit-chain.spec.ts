import { auditHash, GENESIS_HASH, type AuditContent } from './audit-hash';
import { RETENTION_PURGE_ACTION, rowContent, type AuditChainRow } from './audit-chain';
import { verifyAuditChain, type Queryable } from './audit-verify';

/** Rows exactly as the writer links them. */
function chain(count: number, prev = GENESIS_HASH, firstId = 1): AuditChainRow[] {
  const rows: AuditChainRow[] = [];
  for (let i = 0; i < count; i++) {
    const content: AuditContent = {
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      actorType: 'USER', actorId: `u${i}`, partnerId: null, action: `test.${i}`, targetType: null, targetId: null,
      outcome: 'SUCCESS', requestId: null, clientAddress: '127.0.0.1', details: { i, nested: { b: 1, a: [1, 'x'] } },
    };
    const hash = auditHash(prev, content);
    rows.push({
      id: String(firstId + i), occurred_at: new Date(content.occurredAt), actor_type: content.actorType, actor_id: content.actorId,
      partner_id: null, action: content.action, target_type: null, target_id: null, outcome: 'SUCCESS', request_id: null,
      client_address: content.clientAddress, details: content.details, prev_hash: prev, hash,
    });
    prev = hash;
  }
  return rows;
}

/** Serves the two queries verification makes from an array, as PostgreSQL would. */
const table = (rows: AuditChainRow[]): Queryable => ({
  async query<R>(text: string, values: unknown[] = []) {
    if (text.includes('WHERE action = $1')) {
      const found = rows.filter((r) => r.action === values[0]).sort((a, b) => Number(b.id) - Number(a.id));
      return { rows: found.slice(0, 1) as R[] };
    }
    const after = BigInt(values[0] as string);
    const page = rows.filter((r) => BigInt(r.id) > after).slice(0, values[1] as number);
    return { rows: page as R[] };
  },
});

describe('audit chain verification', () => {
  it('accepts an intact chain across pages', async () => {
    await expect(verifyAuditChain(table(chain(25)), 7)).resolves.toMatchObject({ ok: true, checked: 25 });
  });

  it('names a record whose content was changed', async () => {
    const rows = chain(10);
    rows[6] = { ...rows[6]!, details: { i: 6, nested: { b: 2, a: [1, 'x'] } } };
    await expect(verifyAuditChain(table(rows), 4)).resolves.toMatchObject({ ok: false, brokenId: '7', checked: 6 });
  });

  it('names the record after one that was removed, or whose hash was rewritten', async () => {
    const rows = chain(10);
    await expect(verifyAuditChain(table(rows.filter((r) => r.id !== '4')))).resolves.toMatchObject({ ok: false, brokenId: '5' });
    const rewritten = chain(10);
    rewritten[2] = { ...rewritten[2]!, action: 'forged', hash: 'f'.repeat(64) };
    await expect(verifyAuditChain(table(rewritten))).resolves.toMatchObject({ ok: false, brokenId: '3' });
  });

  it('refuses a chain whose oldest records vanished without a retention record', async () => {
    await expect(verifyAuditChain(table(chain(10).slice(3)))).resolves.toMatchObject({ ok: false, brokenId: '4' });
  });

  it('continues from the anchor the retention purge recorded', async () => {
    const all = chain(10);
    const kept = all.slice(4);
    const purge = chain(1, kept[kept.length - 1]!.hash, 11).map((r) => ({ ...r, action: RETENTION_PURGE_ACTION, details: {
      removed: 4, removedThroughId: '4', lastRemovedHash: all[3]!.hash, cutoff: '2026-01-01T00:00:04.000Z', retentionMs: 1,
    } }))[0]!;
    // Seal the purge record over its real details.
    purge.hash = auditHash(purge.prev_hash, rowContent(purge));
    await expect(verifyAuditChain(table([...kept, purge]))).resolves.toMatchObject({ ok: true, checked: 7, anchor: { removedThroughId: '4' } });
    const forged = { ...purge, details: { ...(purge.details as object), lastRemovedHash: all[2]!.hash } };
    await expect(verifyAuditChain(table([...kept, forged]))).resolves.toMatchObject({ ok: false, brokenId: '11' });
  });
});
