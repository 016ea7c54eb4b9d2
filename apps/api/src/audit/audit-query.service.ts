import { Injectable } from '@nestjs/common';
import { auditRecordView, type AuditQuery, type AuditReader, type AuditRecordView } from '@domain/audit';
import { PrismaService, type Prisma } from '@infra/prisma/prisma.service';

export interface AuditPage {
  items: AuditRecordView[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** Reads the audit trail newest first, by keyset pages over the record id (stable while records are appended). */
@Injectable()
export class AuditQueryService {
  constructor(private readonly prisma: PrismaService) {}

  async page(reader: AuditReader, partnerId: string | undefined, query: AuditQuery): Promise<AuditPage> {
    const action = query.action;
    const where: Prisma.AuditRecordWhereInput = {
      ...(partnerId ? { partnerId } : {}),
      ...(query.userId ? { actorId: query.userId } : {}),
      ...(action ? { action: action.endsWith('*') ? { startsWith: action.slice(0, -1) } : action } : {}),
      ...(query.from || query.to ? { occurredAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) } } : {}),
      ...(query.cursor ? { id: { lt: BigInt(query.cursor) } } : {}),
    };
    const rows = await this.prisma.auditRecord.findMany({ where, orderBy: { id: 'desc' }, take: query.limit + 1 });
    const more = rows.length > query.limit;
    const items = rows.slice(0, query.limit);
    return {
      items: items.map((row) => auditRecordView(reader, row)),
      nextCursor: more ? String(items[items.length - 1]!.id) : null,
    };
  }
}
