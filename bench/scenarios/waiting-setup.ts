import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { PrismaService } from '@infra/prisma/prisma.service';
import { bin, mobile } from '../../test/support/fixtures';
import { registrationWorkflowId, type RegistrationInput } from '@workflows/registration/registration.messages';
import { Flow, FlowStatus, PartnerBin, PartnerId, UserId } from '@workflows/shared/search-attributes';
import { mapLimit } from '../support/http';
import { waitUntil } from '../support/timers';

export interface WaitingSetup {
  partnerId: string;
  started: number;
  /** When the last registration was started, and when the worker had settled them all (null: not by the deadline). */
  startedAt: number;
  settledAt: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `count` registration workflows straight through the Temporal client, for users
 * inserted in the database, each with the same link lifetime, so they fall due in the
 * order and at the pace they were started. Starts keep to `perSecond` and hold back
 * while more than `maxUnsettled` are still sending their links and recording their first
 * status (settled = its first audit record): a worker fed faster than it settles falls
 * behind, its workflow tasks time out and are redone. None starts after `deadline`.
 */
export async function startRegistrations(
  db: PrismaService,
  temporal: Client,
  opts: {
    count: number;
    perSecond: number;
    maxUnsettled: number;
    linkTtlMs: number;
    deadline: number;
    taskQueue: string;
    /** Called every few seconds while starting: MailDev keeps every link mail in memory, so the caller empties it. */
    tick?: () => Promise<void>;
  },
): Promise<WaitingSetup> {
  const partnerId = randomUUID();
  const partnerBin = bin();
  await db.partner.create({ data: { id: partnerId, bin: partnerBin, name: 'ТОО «Ожидание»' } });
  const users = Array.from({ length: opts.count }, (_, i) => ({
    id: randomUUID(),
    partnerId,
    login: `wait-${i}-${partnerId.slice(0, 8)}@example.kz`,
    fullName: `Waiting User ${i}`,
    phone: mobile(),
    accessLevel: 'CREATE_AND_VIEW' as const,
    origin: 'APPLICATION' as const,
  }));
  for (let i = 0; i < users.length; i += 1000) await db.user.createMany({ data: users.slice(i, i + 1000) });

  const settledCount = () => db.auditRecord.count({ where: { action: 'workflow.transition', targetId: { startsWith: 'registration-' }, partnerId } });
  let settled = 0;
  let started = 0;
  let setupDone = false;
  const watcher = (async () => {
    let ticked = Date.now();
    while (!setupDone) {
      settled = await settledCount();
      if (opts.tick && Date.now() - ticked > 10_000) {
        await opts.tick().catch(() => undefined);
        ticked = Date.now();
      }
      await sleep(500);
    }
  })();
  const begin = Date.now();
  await mapLimit(users, 16, async (user, i) => {
    await waitUntil(begin + (i * 1000) / opts.perSecond);
    while (i - settled >= opts.maxUnsettled && Date.now() < opts.deadline) await sleep(100);
    if (Date.now() >= opts.deadline) return;
    const input: RegistrationInput = {
      userId: user.id,
      partnerId,
      partnerBin,
      invitationNo: 1,
      linkTtlMs: opts.linkTtlMs,
      codeTtlMs: 300_000,
      resendCooldownMs: 60_000,
      maxAttempts: 5,
    };
    await temporal.workflow.start('registrationWorkflow', {
      workflowId: registrationWorkflowId(user.id, 1),
      taskQueue: opts.taskQueue,
      args: [input],
      typedSearchAttributes: [
        { key: Flow, value: 'registration' },
        { key: PartnerId, value: partnerId },
        { key: PartnerBin, value: partnerBin },
        { key: UserId, value: user.id },
        { key: FlowStatus, value: 'INVITED' },
      ],
    });
    started++;
  });
  const startedAt = Date.now();
  while (settled < started && Date.now() < opts.deadline) await sleep(500);
  setupDone = true;
  await watcher;
  settled = await settledCount();
  return { partnerId, started, startedAt, settledAt: settled >= started ? Date.now() : null };
}
