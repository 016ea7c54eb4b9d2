import { Worker, type ActivityInterceptorsFactory } from '@temporalio/worker';
import { createPrisma } from '@infra/prisma/prisma.service';
import { encryptedDataConverter } from '@infra/temporal/encryption-codec';
import type { PaymentRecord } from '@workflows/payment/payment.activities.contract';
import { paymentStateQuery, paymentWorkflowId } from '@workflows/payment/payment.messages';
import { readTestStack } from '../setup/test-stack';
import { refuseAuditRecords, sqlText } from '../support/audit-fault';
import { call, eventually, startHarness, type Harness, type HttpResult } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { cabinet, documentBody, expectStatus, nthSms, requestCode, smsCount, submitted, verify, type Cabinet } from './support';

/**
 * §1.15: every command the payment's workflow carries out — submit, return, a code request, a
 * confirmation, an operator's release or refusal — is audited by the step's own write, in its
 * transaction. The record refused, the step is not taken (no status, no timeline, no record);
 * let through, the step and exactly one record; a write retried after its commit, still one.
 */
describe('payment commands are audited by the write that carries them out', () => {
  let h: Harness;
  let c: Cabinet;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  /** Payments whose next write of a request commits and then "loses" its completion once, so Temporal retries it. */
  const loseCompletion = new Set<string>();
  let retried = 0;

  const injector: ActivityInterceptorsFactory = (ctx) => ({
    inbound: {
      async execute(input, next) {
        const result = await next(input);
        const record = input.args[0] as PaymentRecord;
        if (ctx.info.activityType === 'recordPayment' && record.command && loseCompletion.delete(record.paymentId)) {
          retried++;
          throw new Error('the worker lost the completion after the commit (test)');
        }
        return result;
      },
    },
  });

  beforeAll(async () => {
    h = await startHarness(
      { PAYMENT_RECORD_RETRY_MS: '4000', COMPLIANCE_HOLD_THRESHOLD: '1000.00', COMPLIANCE_HOLD_TTL_MS: '300000' },
      { workerInterceptors: [injector] },
    );
    c = await cabinet(h, mail, ['FULL_ACCESS']);
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  const director = () => c.users[0]!;
  const records = (id: string, action: string) => db.auditRecord.findMany({ where: { action, targetId: id }, orderBy: { id: 'asc' } });
  const row = async (id: string) => {
    const { status, version, revision, holdStatus } = await db.payment.findUniqueOrThrow({ where: { id } });
    return { status, version, revision, holdStatus, confirmations: await db.paymentConfirmation.count({ where: { paymentId: id, voidedAt: null } }) };
  };
  const flowState = async (id: string) => {
    const { status, version, confirmations, hold, challenges } = await h.temporal.workflow.getHandle(paymentWorkflowId(id)).query(paymentStateQuery);
    return { status, version, confirmations: confirmations.length, hold: hold?.status ?? null, challenges: challenges.length };
  };
  const events = (id: string) => db.paymentEvent.count({ where: { paymentId: id } });
  const replays = async (id: string) =>
    Worker.runReplayHistory(
      { workflowBundle: { codePath: readTestStack().workflowBundlePath! }, dataConverter: encryptedDataConverter(h.env.PAYLOAD_KEYS) },
      await h.temporal.workflow.getHandle(paymentWorkflowId(id)).fetchHistory(),
      paymentWorkflowId(id),
    );

  /**
   * Sends the command with its audit record refused by PostgreSQL: the step is refused and
   * nothing of it is left (row, timeline, workflow state, record). Then sends it again: taken,
   * with exactly one record, keyed by its write. Returns the successful answer and the record.
   */
  async function refusedThenOnce(id: string, action: string, send: () => Promise<HttpResult>, okStatus = 200) {
    const [rowBefore, flowBefore, eventsBefore] = [await row(id), await flowState(id), await events(id)];
    const lift = await refuseAuditRecords(db, `NEW.action = ${sqlText(action)} AND NEW.target_id = ${sqlText(id)}`);
    try {
      expect(await send()).toMatchObject({ status: 422, body: { code: 'PAYMENT.STEP_NOT_RECORDED' } });
    } finally {
      await lift();
    }
    expect(await row(id)).toEqual(rowBefore);
    expect(await flowState(id)).toEqual(flowBefore);
    expect(await events(id)).toBe(eventsBefore);
    expect(await records(id, action)).toHaveLength(0);

    const ok = await send();
    expectStatus(ok, okStatus);
    const [record, ...more] = await records(id, action);
    expect(more).toHaveLength(0);
    expect(record).toMatchObject({ outcome: 'SUCCESS', targetType: 'payment', targetId: id, partnerId: c.partner.partnerId });
    expect(record!.dedupKey).toMatch(new RegExp(`^command/payment-${id}/\\d+$`));
    expect(record!.clientAddress).toBeTruthy();
    return { ok, record: record! };
  }

  it('submit, code request and return: none taken without its record, each once with it', async () => {
    const created = await call(h, 'POST', '/v1/payments', documentBody(c), director().auth);
    expectStatus(created, 201);
    const id = created.body.id as string;

    const submit = await refusedThenOnce(id, 'payment.submit', () => call(h, 'POST', `/v1/payments/${id}/submit`, undefined, director().auth));
    expect(submit.record).toMatchObject({ actorType: 'USER', actorId: director().userId });
    expect(submit.record.details).toEqual({ requiredConfirmations: submit.ok.body.requiredConfirmations, policyVersion: expect.any(Number) });

    // A code whose challenge could not be recorded is never sent: one request, one SMS.
    const sms = await smsCount(mail, director().phone);
    const request = await refusedThenOnce(
      id,
      'payment.confirmation.request',
      () => call(h, 'POST', `/v1/payments/${id}/confirmations`, undefined, director().auth),
      202,
    );
    await nthSms(mail, director().phone, sms + 1);
    expect(await smsCount(mail, director().phone)).toBe(sms + 1);
    expect(request.record).toMatchObject({ actorType: 'USER', actorId: director().userId, details: { challengeId: request.ok.body.challengeId } });

    const back = await refusedThenOnce(id, 'payment.return', () => call(h, 'POST', `/v1/payments/${id}/return`, { reason: 'Неверный КНП' }, director().auth));
    expect(back.ok.body).toMatchObject({ status: 'DRAFT' });
    expect(back.record).toMatchObject({ actorType: 'USER', actorId: director().userId, details: { version: back.ok.body.version } });
    await replays(id);
  });

  it("a right code confirms only with its record; a wrong one stays the API's own FAILURE record", async () => {
    const id = await submitted(h, c, director());
    const { challengeId, code } = await requestCode(h, mail, director(), id);
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await verify(h, director(), id, challengeId, wrong)).status).toBe(400);
    const before = await records(id, 'payment.confirm');
    expect(before).toEqual([expect.objectContaining({ outcome: 'FAILURE', details: { challengeId, attemptsLeft: expect.any(Number) } })]);

    const lift = await refuseAuditRecords(db, `NEW.action = 'payment.confirm' AND NEW.outcome = 'SUCCESS' AND NEW.target_id = ${sqlText(id)}`);
    const [rowBefore, flowBefore] = [await row(id), await flowState(id)];
    try {
      expect(await verify(h, director(), id, challengeId, code)).toMatchObject({ status: 422, body: { code: 'PAYMENT.STEP_NOT_RECORDED', step: 'CONFIRM' } });
    } finally {
      await lift();
    }
    expect(await row(id)).toEqual(rowBefore);
    expect(await flowState(id)).toEqual(flowBefore);
    expect(await records(id, 'payment.confirm')).toEqual(before);

    const ok = await verify(h, director(), id, challengeId, code);
    expectStatus(ok, 200);
    const success = (await records(id, 'payment.confirm')).filter((r) => r.outcome === 'SUCCESS');
    expect(success).toEqual([
      expect.objectContaining({
        actorType: 'USER',
        actorId: director().userId,
        details: { challengeId, confirmations: ok.body.confirmations, status: ok.body.status },
        dedupKey: expect.stringMatching(new RegExp(`^command/payment-${id}/\\d+$`)),
      }),
    ]);
    expect(await db.paymentConfirmation.count({ where: { paymentId: id } })).toBe(1);
    await replays(id);
  });

  it('a write retried after its commit records its request once', async () => {
    const id = await submitted(h, c, director());
    loseCompletion.add(id);
    const before = retried;
    const { challengeId, code } = await requestCode(h, mail, director(), id);
    expect(retried).toBe(before + 1);
    expectStatus(await verify(h, director(), id, challengeId, code), 200);
    expect(await records(id, 'payment.confirmation.request')).toHaveLength(1);
    expect(await records(id, 'payment.confirm')).toHaveLength(1);
    expect(await db.paymentEvent.count({ where: { paymentId: id, type: 'CONFIRMATION_REQUESTED' } })).toBe(1);
    // The retried write's revision is the record's key: a second try of it changed nothing.
    const [request] = await records(id, 'payment.confirmation.request');
    const event = await db.paymentEvent.findFirstOrThrow({ where: { paymentId: id, type: 'CONFIRMATION_REQUESTED' } });
    expect(event.key.split('/')[1]).toBe(request!.dedupKey!.split('/').at(-1));
  });

  describe("an operator's decision on a held payment", () => {
    const held = async () => {
      const id = await submitted(h, c, director(), '5000.00');
      const { challengeId, code } = await requestCode(h, mail, director(), id);
      expectStatus(await verify(h, director(), id, challengeId, code), 200);
      await eventually('the payment on hold', async () => ((await db.payment.findUniqueOrThrow({ where: { id } })).holdStatus === 'ON_HOLD' ? true : undefined));
      return id;
    };

    it("a release is taken only with its record, and recorded once, as the operator's", async () => {
      const id = await held();
      const { ok, record } = await refusedThenOnce(id, 'payment.compliance.release', () =>
        call(h, 'POST', `/v1/operator/payments/${id}/execute`, undefined, h.operator),
      );
      expect(ok.body).toMatchObject({ hold: 'RELEASED' });
      expect(record).toMatchObject({ actorType: 'OPERATOR', actorId: expect.any(String), details: {} });
      await eventually('executed', async () => ((await db.payment.findUniqueOrThrow({ where: { id } })).status === 'EXECUTED' ? true : undefined));
      await replays(id);
    });

    it('a refusal likewise, with its reason', async () => {
      const id = await held();
      const reason = 'Документы по сделке не представлены';
      const { ok, record } = await refusedThenOnce(id, 'payment.compliance.refuse', () =>
        call(h, 'POST', `/v1/operator/payments/${id}/refuse`, { reason }, h.operator),
      );
      expect(ok.body).toMatchObject({ hold: 'REFUSED' });
      expect(record).toMatchObject({ actorType: 'OPERATOR', details: { reason } });
      await replays(id);
    });
  });
});
