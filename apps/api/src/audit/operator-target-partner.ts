import type { PrismaService } from '@infra/prisma/prisma.service';

/** What the audit trail knows of an operator call once it is answered: the route's resource, its path parameters, the body. */
export interface OperatorTarget {
  resource: string | null;
  params: Record<string, string>;
  body: unknown;
}

/** The partner an operator call acted on, or null (none, unknown, or not found). */
export type OperatorTargetPartner = (target: OperatorTarget) => Promise<string | null>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IBAN = /^KZ[0-9A-Z]{18}$/;
const BIN = /^\d{12}$/;

/**
 * Operators act for no partner of their own, so their calls' records would carry no partner
 * and a `partnerId` filter would hide them (§1.15). The partner is the target's owner, read
 * after the answer: a refused call names the partner it tried to act on as well. Parameters
 * are attacker-chosen, so only well-formed ids are looked up.
 */
export function operatorTargetPartner(prisma: PrismaService): OperatorTargetPartner {
  const byId = async (find: Promise<{ partnerId: string } | null>) => (await find)?.partnerId ?? null;
  return async ({ resource, params, body }) => {
    const id = params.id ?? params.userId;
    const uuid = id !== undefined && UUID.test(id) ? id.toLowerCase() : null;
    const select = { partnerId: true } as const;
    switch (resource) {
      case 'users':
        return uuid ? byId(prisma.user.findUnique({ where: { id: uuid }, select })) : null;
      case 'applications': {
        if (uuid) return byId(prisma.application.findUnique({ where: { id: uuid }, select }));
        const bin = (body as { partner?: { bin?: unknown } } | undefined)?.partner?.bin;
        if (typeof bin !== 'string' || !BIN.test(bin.trim())) return null;
        return (await prisma.partner.findUnique({ where: { bin: bin.trim() }, select: { id: true } }))?.id ?? null;
      }
      case 'sub-user-requests':
        return uuid ? byId(prisma.subUserRequest.findUnique({ where: { id: uuid }, select })) : null;
      case 'payments':
        return uuid ? byId(prisma.payment.findUnique({ where: { id: uuid }, select })) : null;
      case 'accounts': {
        const iban = params.iban?.replace(/\s/g, '').toUpperCase();
        return iban && IBAN.test(iban) ? byId(prisma.account.findUnique({ where: { iban }, select })) : null;
      }
      default:
        return null;
    }
  };
}
