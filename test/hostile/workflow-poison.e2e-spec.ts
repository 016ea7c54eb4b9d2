import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { PaymentWorkflowService } from '../../apps/api/src/payments/payment-workflow.service';
import { createPrisma, type PrismaService } from '@infra/prisma/prisma.service';
import type { PaymentRecord, TimelineEntry } from '@workflows/payment/payment.activities.contract';
import { paymentStateQuery, paymentWorkflowId, returnPaymentUpdate } from '@workflows/payment/payment.messages';
import { call, eventually, startHarness, type Harness, type HttpResult } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { cabinet, confirm, documentBody, expectStatus, requestCode, submitted, verify, type Cabinet } from '../payments/support';

/**
 * A poison input can never wedge a payment (issue 12). A test activity interceptor makes the
 * workflow's write of one chosen step fail — with a real data error PostgreSQL raised, or a real
 * "database unreachable" error until a short retry budget runs out — and each REST call must
 * answer at once with a problem, leave the workflow and its row agreeing, and let the next
 * command through. A reason PostgreSQL cannot store never gets past the Update's validator.
 */
describe('a failed write never wedges a payment', () => {
  let h: Harness;
  let c: Cabinet;
  let prisma: PrismaService;
  const mail = new MailCatcher();
  /** The write that fails next: of the step with this timeline entry, for this payment. */
  let fault: { paymentId: string; on: TimelineEntry['type']; error: () => unknown; hits: number } | null = null;
  let dataError: unknown;
  let unreachable: unknown;

  const injector: ActivityInterceptorsFactory = (ctx) => ({
    inbound: {
      async execute(input, next) {
        const record = input.args[0] as PaymentRecord;
        const f = fault;
        if (ctx.info.activityType === 'recordPayment' && f && record.paymentId === f.paymentId && record.events.some((e) => e.type === f.on)) {
          f.hits++;
          throw f.error();
        }
        return next(input);
      },
    },
  });

  beforeAll(async () => {
    prisma = createPrisma(process.env.DATABASE_URL!);
    // Real errors, as the worker would see them (the interceptor under test classifies them).
    dataError = await prisma.paymentEvent.updateMany({ where: { key: 'none' }, data: { details: { reason: 'a\u0000b' } } }).catch((e: unknown) => e);
    const away = createPrisma('postgresql://postgres@127.0.0.1:1/none', 1, 200);
    unreachable = await away.payment.count().catch((e: unknown) => e);
    await away.$disconnect();
    h = await startHarness({ COMPLIANCE_HOLD_THRESHOLD: '2000.00' }, { workerInterceptors: [injector] });
    c = await cabinet(h, mail, ['FULL_ACCESS']);
  });
  afterAll(async () => {
    await h.close();
    await prisma.$disconnect();
  });

  const director = () => c.users[0]!;
  const handle = (id: string) => h.temporal.workflow.getHandle(paymentWorkflowId(id));
  const failNext = (paymentId: string, on: TimelineEntry['type'], kind: 'data' | 'transient' = 'data') =>
    (fault = { paymentId, on, error: () => (kind === 'data' ? dataError : unreachable), hits: 0 });

  /** The workflow's state and the row say the same: status, version and the last written revision. */
  const agree = async (id: string) => {
    const wf = await handle(id).query(paymentStateQuery);
    const row = await prisma.payment.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, revision: true } });
    expect(row).toEqual({ status: wf.status, version: wf.version, revision: wf.revision });
    return wf;
  };

  /** Runs a REST call whose write is made to fail: a prompt problem, nothing changed, the next call works. */
  const refusedPromptly = async (run: () => Promise<HttpResult>, status = 422) => {
    const started = Date.now();
    const res = await run();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res).toMatchObject({ status, body: { code: 'PAYMENT.STEP_NOT_RECORDED' } });
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(fault?.hits).toBe(1);
    fault = null;
    return res;
  };

  /** Waits until both say `status` (the bank's answer comes after the REST call). */
  const settles = (id: string, status: string) =>
    eventually(
      `workflow and row of ${id} both ${status}`,
      async () => {
        const wf = await agree(id);
        return wf.status === status ? wf : undefined;
      },
      30_000,
    );

  const draft = async (amount?: string) => {
    const created = await call(h, 'POST', '/v1/payments', documentBody(c, amount), director().auth);
    expectStatus(created, 201);
    return created.body.id as string;
  };

  it('submit: refused, still a draft in both, submitted on the next try', async () => {
    const id = await draft();
    failNext(id, 'SUBMITTED');
    await refusedPromptly(() => call(h, 'POST', `/v1/payments/${id}/submit`, undefined, director().auth));
    expect(await agree(id)).toMatchObject({ status: 'DRAFT', revision: 0 });
    // The operator sees the refused step in the audit trail (and in the workflow's history).
    const audited = await eventually(
      'the refused step audited',
      async () =>
        (await prisma.auditRecord.findFirst({ where: { action: 'workflow.transition', targetId: paymentWorkflowId(id), outcome: 'FAILURE' } })) ?? undefined,
    );
    expect(audited.details).toMatchObject({ flow: 'payment', from: 'DRAFT', to: 'DRAFT', event: 'SUBMIT', code: 'DATA.REJECTED' });
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, director().auth), 200);
    expect(await agree(id)).toMatchObject({ status: 'AWAITING_CONFIRMATION' });
  });

  it('a code request: refused, no code sent, the next request works', async () => {
    const id = await submitted(h, c, director());
    failNext(id, 'CONFIRMATION_REQUESTED');
    await refusedPromptly(() => call(h, 'POST', `/v1/payments/${id}/confirmations`, undefined, director().auth));
    expect((await agree(id)).challenges).toEqual([]);
    expect(await confirm(h, mail, director(), id)).toMatchObject({ status: 'SENT_TO_BANK' });
  });

  it('a confirmation: refused, not counted in either, the same code then confirms', async () => {
    const id = await submitted(h, c, director());
    const { challengeId, code } = await requestCode(h, mail, director(), id);
    const before = await agree(id);
    failNext(id, 'CONFIRMED');
    await refusedPromptly(() => verify(h, director(), id, challengeId, code));
    expect(await agree(id)).toMatchObject({ status: 'AWAITING_CONFIRMATION', confirmations: [], revision: before.revision });
    expect(await prisma.paymentConfirmation.count({ where: { paymentId: id } })).toBe(0);
    expect(await verify(h, director(), id, challengeId, code)).toMatchObject({ status: 200, body: { status: 'SENT_TO_BANK' } });
    await settles(id, 'EXECUTED');
  });

  it('a wrong code: refused, yet the try counts (no free guesses), the right code then confirms', async () => {
    const id = await submitted(h, c, director());
    const { challengeId, code } = await requestCode(h, mail, director(), id);
    const wrong = code === '000000' ? '111111' : '000000';
    const [issued] = (await agree(id)).challenges;
    failNext(id, 'CODE_REJECTED');
    await refusedPromptly(() => verify(h, director(), id, challengeId, wrong));
    const after = await agree(id);
    expect(after.challenges).toEqual([expect.objectContaining({ challengeId, status: 'ISSUED', attemptsLeft: issued!.attemptsLeft - 1 })]);
    expect(await verify(h, director(), id, challengeId, code)).toMatchObject({ status: 200, body: { status: 'SENT_TO_BANK' } });
  });

  it('return: refused, still awaiting confirmation in both, returned on the next try', async () => {
    const id = await submitted(h, c, director());
    failNext(id, 'RETURNED');
    await refusedPromptly(() => call(h, 'POST', `/v1/payments/${id}/return`, { reason: 'Неверный КНП' }, director().auth));
    expect(await agree(id)).toMatchObject({ status: 'AWAITING_CONFIRMATION', version: 1 });
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/return`, { reason: 'Неверный КНП' }, director().auth), 200);
    expect(await agree(id)).toMatchObject({ status: 'DRAFT', version: 2 });
  });

  it('edit: refused, the document unchanged in both, edited on the next try', async () => {
    const id = await submitted(h, c, director());
    failNext(id, 'EDITED');
    await refusedPromptly(() => call(h, 'PATCH', `/v1/payments/${id}`, { amount: '250.75' }, director().auth));
    expect(await agree(id)).toMatchObject({ status: 'AWAITING_CONFIRMATION', version: 1 });
    expect((await prisma.payment.findUniqueOrThrow({ where: { id } })).amountTiyn).toBe(150050n);
    expectStatus(await call(h, 'PATCH', `/v1/payments/${id}`, { amount: '250.75' }, director().auth), 200);
    // Returned (version 2) and edited (version 3) in one step.
    expect(await agree(id)).toMatchObject({ status: 'DRAFT', version: 3 });
    expect((await prisma.payment.findUniqueOrThrow({ where: { id } })).amountTiyn).toBe(25075n);
  });

  it('cancel: refused, still open in both, cancelled on the next try', async () => {
    const id = await submitted(h, c, director());
    failNext(id, 'CANCELLED');
    await refusedPromptly(() => call(h, 'POST', `/v1/payments/${id}/cancel`, undefined, director().auth));
    expect(await agree(id)).toMatchObject({ status: 'AWAITING_CONFIRMATION' });
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/cancel`, undefined, director().auth), 200);
    expect(await agree(id)).toMatchObject({ status: 'CANCELLED' });
  });

  describe('a held payment', () => {
    const held = async () => {
      const id = await submitted(h, c, director(), '5000.00');
      expect(await confirm(h, mail, director(), id)).toMatchObject({ status: 'SENT_TO_BANK' });
      await eventually('on hold', async () => ((await agree(id)).hold?.status === 'ON_HOLD' ? true : undefined));
      return id;
    };

    it("the operator's refusal: refused, still on hold in both, refused on the next try", async () => {
      const id = await held();
      failNext(id, 'REFUSED');
      await refusedPromptly(() => call(h, 'POST', `/v1/operator/payments/${id}/refuse`, { reason: 'Нет документов' }, h.operator));
      expect(await agree(id)).toMatchObject({ status: 'SENT_TO_BANK', hold: { status: 'ON_HOLD' } });
      expect(await call(h, 'POST', `/v1/operator/payments/${id}/refuse`, { reason: 'Нет документов' }, h.operator)).toMatchObject({ status: 200 });
      expect(await agree(id)).toMatchObject({ status: 'REFUSED' });
    });

    it("the operator's release: refused, still on hold in both, executed after the next try", async () => {
      const id = await held();
      failNext(id, 'HOLD_RELEASED');
      await refusedPromptly(() => call(h, 'POST', `/v1/operator/payments/${id}/execute`, undefined, h.operator));
      expect(await agree(id)).toMatchObject({ status: 'SENT_TO_BANK', hold: { status: 'ON_HOLD' } });
      expect(await call(h, 'POST', `/v1/operator/payments/${id}/execute`, undefined, h.operator)).toMatchObject({ status: 200 });
      await settles(id, 'EXECUTED');
    });
  });

  it('a database out of reach for longer than the budget: 503, the state put back and written again', async () => {
    const id = await draft();
    // Started as the API would, but with a 3-second budget for bookkeeping writes.
    const row = await prisma.payment.findUniqueOrThrow({ where: { id } });
    const gateway = h.api.get(PaymentWorkflowService);
    const input = (gateway as unknown as { input(r: unknown): { settings: Record<string, unknown> } }).input(row);
    // The draft's own workflow (started with it, nothing written yet) makes way for this one.
    await handle(id).terminate('restarted with a short write budget');
    await h.temporal.workflow.start('paymentWorkflow', {
      workflowId: paymentWorkflowId(id),
      taskQueue: h.env.TEMPORAL_TASK_QUEUE,
      args: [{ ...input, settings: { ...input.settings, recordRetryMs: 3_000 } }],
    });
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, director().auth), 200);
    failNext(id, 'RETURNED', 'transient');
    const started = Date.now();
    const res = await call(h, 'POST', `/v1/payments/${id}/return`, { reason: 'Неверный КНП' }, director().auth);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(res).toMatchObject({ status: 503, body: { code: 'PAYMENT.STEP_NOT_RECORDED', retryable: true } });
    expect(fault!.hits).toBeGreaterThan(1);
    fault = null;
    // The failed write might have committed: the restored state is written at a newer revision.
    const synced = await eventually('the state written again', async () => {
      const wf = await handle(id).query(paymentStateQuery);
      return wf.revision > 1 ? wf : undefined;
    });
    expect(synced).toMatchObject({ status: 'AWAITING_CONFIRMATION', version: 1 });
    await agree(id);
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/return`, { reason: 'Неверный КНП' }, director().auth), 200);
    expect(await agree(id)).toMatchObject({ status: 'DRAFT' });
  });

  it('the original attack: a NUL in a return reason, sent straight to the workflow, is refused by the validator', async () => {
    const id = await submitted(h, c, director());
    const before = await agree(id);
    const { userId } = director();
    const { partnerId } = c.partner;
    const actor = { userId, partnerId, accessLevel: 'FULL_ACCESS' as const, status: 'ACTIVE' as const };
    const sent = handle(id).executeUpdate(returnPaymentUpdate, { args: [{ actor, reason: 'a\u0000b' }] });
    const error = await sent.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((error as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'PAYMENT.REASON_INVALID' });
    expect(await agree(id)).toEqual(before);
    // Through the API too: a prompt 400, and the document still takes commands.
    const started = Date.now();
    expect((await call(h, 'POST', `/v1/payments/${id}/return`, { reason: 'a\u0000b' }, director().auth)).status).toBe(400);
    expect(Date.now() - started).toBeLessThan(5_000);
    expectStatus(await call(h, 'PATCH', `/v1/payments/${id}`, { amount: '250.75' }, director().auth), 200);
    expect(await agree(id)).toMatchObject({ status: 'DRAFT', version: 3 });
  });
});
