import { Injectable } from '@nestjs/common';
import { PrismaService } from '@infra/prisma/prisma.service';

export interface FlowPartner {
  id: string;
  bin: string;
  name: string;
}

export interface FlowUser {
  id: string;
  fullName: string;
  partner: FlowPartner;
}

/** Partners seen so far; a BIN never changes, and a name read a little late only dates a summary. */
const CACHE_LIMIT = 10_000;

/**
 * Who a workflow is about, for what every start sets: the `PartnerBin` search attribute
 * (ids only) and the summary operators read in the Temporal UI (names, encrypted by the
 * payload codec like every other payload).
 */
@Injectable()
export class FlowParties {
  private readonly partners = new Map<string, FlowPartner>();

  constructor(private readonly prisma: PrismaService) {}

  async partner(partnerId: string): Promise<FlowPartner> {
    const known = this.partners.get(partnerId);
    if (known) return known;
    const partner = await this.prisma.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { id: true, bin: true, name: true } });
    if (this.partners.size >= CACHE_LIMIT) this.partners.clear();
    this.partners.set(partnerId, partner);
    return partner;
  }

  async user(userId: string): Promise<FlowUser> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, fullName: true, partnerId: true } });
    return { id: user.id, fullName: user.fullName, partner: await this.partner(user.partnerId) };
  }
}
