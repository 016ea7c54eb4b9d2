import { isSubUserCheckFailure, SUB_USER_CHECKS_REFUSAL } from '../sub-user-request/sub-user-request-checks.rules';
import type { AuditOutcome } from './audit-outcome';

/** Who reads the trail: a partner's full-access user, or a bank operator. */
export type AuditReader = 'PARTNER' | 'OPERATOR';

export interface AuditRecordFields {
  id: bigint | string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  partnerId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  clientAddress: string | null;
  details: unknown;
}

export interface AuditRecordView {
  id: string;
  occurredAt: string;
  actor: { type: string; id: string | null };
  partnerId: string | null;
  action: string;
  target: { type: string | null; id: string | null };
  outcome: AuditOutcome;
  requestId: string | null;
  clientAddress: string | null;
  details: unknown;
}

/**
 * Keeps the network, hides the host (IPv4 /24, IPv6 /48): enough to tell an
 * office from a stranger, not to single out one person's device.
 */
export const maskClientAddress = (address: string | null): string | null => {
  if (!address) return null;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(address);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.*`;
  if (!address.includes(':')) return '*';
  const head = address.split('::')[0]!.split(':').filter(Boolean).slice(0, 3);
  return head.length ? `${head.join(':')}::*` : '*';
};

/**
 * What a partner may read of a record's details: a sub-user request refused by the bank's
 * checks shows the neutral code its creator saw, never LOGIN_TAKEN, which would reveal that
 * an address is another partner's login (issue 12). Operators read the true code.
 */
const partnerDetails = (details: unknown): unknown => {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return details;
  const reason = (details as { rejectReason?: unknown }).rejectReason;
  return typeof reason === 'string' && isSubUserCheckFailure(reason) ? { ...details, rejectReason: SUB_USER_CHECKS_REFUSAL.code } : details;
};

/**
 * One record as a reader may see it. A partner needs to know what its users did
 * and that the bank acted, not which bank employee it was or the exact address
 * a request came from; an operator investigating sees everything.
 */
export const auditRecordView = (reader: AuditReader, record: AuditRecordFields): AuditRecordView => {
  const partner = reader === 'PARTNER';
  return {
    id: String(record.id),
    occurredAt: record.occurredAt.toISOString(),
    actor: { type: record.actorType, id: partner && record.actorType === 'OPERATOR' ? null : record.actorId },
    partnerId: record.partnerId,
    action: record.action,
    target: { type: record.targetType, id: record.targetId },
    outcome: record.outcome,
    requestId: record.requestId,
    clientAddress: partner ? maskClientAddress(record.clientAddress) : record.clientAddress,
    details: partner ? partnerDetails(record.details) : record.details,
  };
};
