import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowIdReusePolicy } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { domainError } from '@domain/domain-error';
import { capAccessLevel } from '@domain/access-level';
import { maskedContact } from '../common/masked-contact';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import { acceptAgreementUpdate, onboardingWorkflowId, signUpdate, type OnboardingInput } from '@workflows/onboarding/onboarding.messages';
import { Flow, FlowStatus, PartnerBin, PartnerId } from '@workflows/shared/search-attributes';
import { DomainProblem } from '../common/problem';
import type { ApiEnv } from '../config/api-env';
import type { CreateApplicationDto } from './dto/create-application.dto';

const conflict = (message: string, field?: string) => new DomainProblem(domainError('APPLICATION.CONFLICT', 'CONFLICT', message, field ? { field } : undefined));

/** Operator side of §1.5: record an application, sign it, record the partner's acceptance. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async create(dto: CreateApplicationDto) {
    const body = dto;
    const taken = await this.prisma.user.findMany({ where: { login: { in: body.users.map((u) => u.email) } }, select: { login: true } });
    if (taken.length) {
      const i = body.users.findIndex((u) => u.email === taken[0]!.login);
      throw conflict('this e-mail is already the login of another user', `users.${i}.email`);
    }
    const ibans = await this.prisma.account.findMany({ where: { iban: { in: body.accounts.map((a) => a.iban) } }, select: { iban: true } });
    if (ibans.length) {
      const i = body.accounts.findIndex((a) => a.iban === ibans[0]!.iban);
      throw conflict('this account already belongs to a partner', `accounts.${i}.iban`);
    }
    const existing = await this.prisma.partner.findUnique({ where: { bin: body.partner.bin } });
    if (existing) {
      const open = await this.prisma.application.findFirst({
        where: { partnerId: existing.id, status: { in: ['AWAITING_SIGNATURE', 'AWAITING_ACCEPTANCE', 'INVITING'] } },
      });
      if (open) throw conflict(`partner ${body.partner.bin} already has an open application ${open.id}`, 'partner.bin');
    }

    const applicationId = randomUUID();
    const partnerId = existing?.id ?? randomUUID();
    const workflowId = onboardingWorkflowId(applicationId);
    const users = body.users.map((u) => ({ ...u, id: randomUUID() }));
    // Rows and workflow start succeed together or not at all: the workflow is
    // started inside the transaction and terminated if the commit then fails.
    let started = false;
    try {
      await this.prisma.$transaction(async (tx) => {
        if (!existing) await tx.partner.create({ data: { id: partnerId, bin: body.partner.bin, name: body.partner.name } });
        await tx.application.create({ data: { id: applicationId, partnerId, workflowId } });
        await tx.account.createMany({
          data: body.accounts.map((a) => ({ id: randomUUID(), partnerId, iban: a.iban, balanceTiyn: a.openingBalance ?? 0n })),
        });
        await tx.user.createMany({
          data: users.map((u) => ({
            id: u.id,
            partnerId,
            applicationId,
            login: u.email,
            fullName: u.fullName,
            phone: u.phone,
            accessLevel: capAccessLevel(u.accessLevel, 'APPLICATION'),
            origin: 'APPLICATION' as const,
            language: u.language,
          })),
        });
        const input: OnboardingInput = {
          applicationId,
          partnerId,
          partnerBin: body.partner.bin,
          userIds: users.map((u) => u.id),
          registration: {
            linkTtlMs: this.env.REGISTRATION_LINK_TTL_MS,
            codeTtlMs: this.env.CODE_TTL_MS,
            resendCooldownMs: this.env.CODE_RESEND_COOLDOWN_MS,
            maxAttempts: this.env.CODE_MAX_ATTEMPTS,
          },
        };
        await this.temporal.workflow.start('onboardingWorkflow', {
          workflowId,
          taskQueue: this.env.TEMPORAL_TASK_QUEUE,
          args: [input],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          typedSearchAttributes: [
            { key: Flow, value: 'onboarding' },
            { key: PartnerId, value: partnerId },
            { key: PartnerBin, value: body.partner.bin },
            { key: FlowStatus, value: 'AWAITING_SIGNATURE' },
          ],
          memo: { partnerName: body.partner.name, users: users.length, accounts: body.accounts.length },
          staticSummary: `Application: ${body.partner.name} (BIN ${body.partner.bin}) · ${users.length} user(s), ${body.accounts.length} account(s)`,
          staticDetails: [
            `**Partner** ${body.partner.name}, BIN ${body.partner.bin} (${partnerId})`,
            `**Users** ${users.map((u) => `${u.fullName} (${u.accessLevel})`).join(', ')}`,
            `**Accounts** ${body.accounts.map((a) => a.iban).join(', ')}`,
          ].join('\n\n'),
        });
        started = true;
      });
    } catch (error) {
      if (started)
        await this.temporal.workflow
          .getHandle(workflowId)
          .terminate('application not recorded')
          .catch(() => undefined);
      if ((error as { code?: string }).code === 'P2002') throw conflict('a partner, account or login in this application was just recorded by another request');
      throw error;
    }
    return { applicationId, partnerId, status: 'AWAITING_SIGNATURE' as const };
  }

  async sign(applicationId: string) {
    await this.mustExist(applicationId);
    return this.temporal.workflow.getHandle(onboardingWorkflowId(applicationId)).executeUpdate(signUpdate);
  }

  async accept(applicationId: string) {
    await this.mustExist(applicationId);
    return this.temporal.workflow.getHandle(onboardingWorkflowId(applicationId)).executeUpdate(acceptAgreementUpdate);
  }

  async get(applicationId: string) {
    const app = await this.prisma.application.findUnique({
      where: { id: applicationId },
      include: {
        partner: { include: { accounts: { select: { iban: true } } } },
        users: { include: { registrations: { orderBy: { invitationNo: 'desc' }, take: 1 } }, orderBy: { createdAt: 'asc' } },
      },
    });
    if (!app) throw notFound();
    return {
      applicationId: app.id,
      partnerId: app.partnerId,
      partner: { bin: app.partner.bin, name: app.partner.name },
      status: app.status,
      signedAt: app.signedAt,
      acceptedAt: app.acceptedAt,
      completedAt: app.completedAt,
      accounts: app.partner.accounts.map((a) => a.iban),
      users: app.users.map((u) => ({
        userId: u.id,
        fullName: u.fullName,
        ...maskedContact({ email: u.login, phone: u.phone }),
        accessLevel: u.accessLevel,
        status: u.status,
        registration: u.registrations[0]
          ? { status: u.registrations[0].status, invitationNo: u.registrations[0].invitationNo, expiresAt: u.registrations[0].expiresAt }
          : null,
      })),
    };
  }

  private async mustExist(applicationId: string): Promise<void> {
    const found = await this.prisma.application.findUnique({ where: { id: applicationId }, select: { id: true } });
    if (!found) throw notFound();
  }
}

const notFound = () => new DomainProblem(domainError('APPLICATION.NOT_FOUND', 'NOT_FOUND', 'no such application'));
