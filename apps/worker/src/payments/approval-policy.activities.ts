import { Injectable } from '@nestjs/common';
import type { ApprovalPolicy } from '@domain/payment';
import { AuditService } from '@infra/audit/audit.service';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import { PrismaService, type Prisma } from '@infra/prisma/prisma.service';
import type { ApprovalPolicyActivities } from '@workflows/approval-policy/approval-policy-change.activities.contract';
import { approvalPolicyCodeScope } from '@workflows/approval-policy/approval-policy-change.messages';
import { policyChangeSms } from '../messages/payment-templates';

/** The one code of a policy change. */
const CODE_NO = 1;

/**
 * A partner's approval policy changes (§1.2.1) only after the requester's SMS code. Both
 * activities are idempotent: the code is derived from its scope, and the policy row names
 * the change that set it, so applying the same change twice changes nothing.
 */
@Injectable()
export class ApprovalPolicyActivitiesImpl implements ApprovalPolicyActivities {
  constructor(
    private readonly prisma: PrismaService,
    private readonly codes: OneTimeCodes,
    private readonly audit: AuditService,
  ) {}

  async sendPolicyChangeCode(input: { changeId: string; userId: string; policy: ApprovalPolicy; expiresAt: string }): Promise<void> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: input.userId }, select: { phone: true, language: true } });
    await this.codes.issue({
      scope: approvalPolicyCodeScope(input.changeId),
      codeNo: CODE_NO,
      purpose: 'POLICY_CHANGE',
      phone: user.phone,
      expiresAt: new Date(input.expiresAt),
      text: (code) => policyChangeSms(user.language, { code, ttlMs: Date.parse(input.expiresAt) - Date.now(), policy: input.policy }),
    });
  }

  async applyApprovalPolicy(input: { changeId: string; partnerId: string; userId: string; policy: ApprovalPolicy }): Promise<{ version: number }> {
    const rules = input.policy.rules as unknown as Prisma.InputJsonValue;
    const version = await this.prisma.$transaction(async (tx) => {
      // Serialises changes of one partner's policy, also when it has no row yet.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('approval-policy'), hashtext(${input.partnerId}))`;
      const current = await tx.approvalPolicy.findUnique({ where: { partnerId: input.partnerId } });
      if (current?.changeId === input.changeId) return current.version;
      const data = { rules, authorMayConfirm: input.policy.authorMayConfirm, updatedBy: input.userId, changeId: input.changeId };
      const saved = current
        ? await tx.approvalPolicy.update({ where: { partnerId: input.partnerId }, data: { ...data, version: { increment: 1 } } })
        : await tx.approvalPolicy.create({ data: { partnerId: input.partnerId, ...data } });
      // With the policy it records (§1.15); a retry after the commit returned above.
      await this.audit.append(tx, {
        actorType: 'USER',
        actorId: input.userId,
        partnerId: input.partnerId,
        action: 'approval-policy.change',
        targetType: 'approval-policy',
        targetId: input.partnerId,
        outcome: 'SUCCESS',
        details: { changeId: input.changeId, version: saved.version, rules: input.policy.rules.length, authorMayConfirm: input.policy.authorMayConfirm },
        dedupKey: `approval-policy-change/${input.changeId}`,
      });
      return saved.version;
    });
    return { version };
  }
}
