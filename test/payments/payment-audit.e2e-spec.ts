import { Worker, type ActivityInterceptorsFactory } from '@temporalio/worker';
import { createPrisma } from '@infra/prisma/prisma.service';
import { encryptedDataConverter } from '@infra/temporal/encryption-codec';
import type { PaymentRecord } from '@workflows/payment/payment.activities.contract';
import { paymentStateQuery, paymentWorkflowId } from '@workflows/payment/payment.messages';
import { readTestStack } from '../setup/test-stack';
import { refuseAuditRecords, sqlText } from '../support/audit-fault';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { cabinet, documentBody, expectStatus, type Cabinet } from './support';

/**
 * §1.15: a payment's change and its audit record are one transaction — the draft the API
 * creates, each edit or cancellation the workflow writes with the user's request, and each
 * status it writes with its transition record. A retried write (the commit landed, its
 * completion was lost) records the transition once.
 */
describe('payment writes carry their audit records', () => {
  let h: Harness;
  let c: Cabinet;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  /** Payments whose next transition write commits and then "loses" its completion once, so Temporal retries it. */
  const loseCompletion = new Set<string>();
  let retried = 0;
  /** Payments whose status writes commit and then fail every try, until the retry budget runs out. */
  const commitThenFail = new Set<string>();
  /** Payments whose status writes never reach the database, until the retry budget runs out. */
  const unreachable = new Set<string>();

  const injector: ActivityInterceptorsFactory = (ctx) => ({
    inbound: {
      async execute(input, next) {
        const record = input.args[0] as PaymentRecord;
        if (ctx.info.activityType === 'recordPayment' && record.transition && record.transitionIfRowIs === undefined && unreachable.has(record.paymentId)) {
          throw new Error('the database is unreachable (test)');
        }
        const result = await next(input);
        if (ctx.info.activityType !== 'recordPayment' || !record.transition) return result;
        if (loseCompletion.delete(record.paymentId)) {
          retried++;
          throw new Error('the worker lost the completion after the commit (test)');
        }
        if (commitThenFail.has(record.paymentId) && record.transitionIfRowIs === undefined) throw new Error('no completion reaches Temporal (test)');
        return result;
      },
    },
  });

  beforeAll(async () => {
    // A short retry budget for the workflow's writes, so a write that keeps failing gives up in seconds.
    h = await startHarness({ PAYMENT_RECORD_RETRY_MS: '4000' }, { workerInterceptors: [injector] });
    c = await cabinet(h, mail, ['FULL_ACCESS']);
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  const author = () => c.users[0]!;
  const draft = async () => {
    const created = await call(h, 'POST', '/v1/payments', documentBody(c), author().auth);
    expectStatus(created, 201);
    return created.body.id as string;
  };
  /** The new path (patch 'transition-in-payment-record') replays from its own history. */
  const replays = async (id: string) =>
    Worker.runReplayHistory(
      { workflowBundle: { codePath: readTestStack().workflowBundlePath! }, dataConverter: encryptedDataConverter(h.env.PAYLOAD_KEYS) },
      await h.temporal.workflow.getHandle(paymentWorkflowId(id)).fetchHistory(),
      paymentWorkflowId(id),
    );
  const transitions = (id: string, outcome: 'SUCCESS' | 'FAILURE' = 'SUCCESS') =>
    db.auditRecord.findMany({ where: { action: 'workflow.transition', targetId: paymentWorkflowId(id), outcome }, orderBy: { id: 'asc' } });

  it('a draft is created and edited together with its records', async () => {
    const id = await draft();
    expect(await db.auditRecord.count({ where: { action: 'payment.create', targetId: id } })).toBe(1);
    const lift = await refuseAuditRecords(db, `NEW.action = 'payment.edit' AND NEW.target_id = ${sqlText(id)}`);
    try {
      // The workflow's write of the edit carries its record: refused, the edit is not taken.
      const refused = await call(h, 'PATCH', `/v1/payments/${id}`, { purpose: 'Оплата по счёту №18' }, author().auth);
      expect(refused).toMatchObject({ status: 422, body: { code: 'PAYMENT.STEP_NOT_RECORDED', step: 'EDIT' } });
    } finally {
      await lift();
    }
    expect(await db.payment.findUniqueOrThrow({ where: { id }, select: { version: true, purpose: true } })).toEqual({
      version: 1,
      purpose: documentBody(c).purpose,
    });
    expect(await h.temporal.workflow.getHandle(paymentWorkflowId(id)).query(paymentStateQuery)).toMatchObject({ status: 'DRAFT', version: 1 });
    expectStatus(await call(h, 'PATCH', `/v1/payments/${id}`, { purpose: 'Оплата по счёту №18' }, author().auth), 200);
    const [edit, ...more] = await db.auditRecord.findMany({ where: { action: 'payment.edit', targetId: id } });
    expect(more).toHaveLength(0);
    expect(edit).toMatchObject({ actorType: 'USER', actorId: author().userId, outcome: 'SUCCESS', details: { version: 2, status: 'DRAFT' } });
    expect(edit!.clientAddress).toBeTruthy();

    expectStatus(await call(h, 'POST', `/v1/payments/${id}/cancel`, undefined, author().auth), 200);
    expect(await db.auditRecord.count({ where: { action: 'payment.cancel', targetId: id } })).toBe(1);
    await replays(id);
  });

  it('a status the workflow cannot record with its transition is not taken; once it can, one record', async () => {
    const id = await draft();
    const lift = await refuseAuditRecords(
      db,
      `NEW.action = 'workflow.transition' AND NEW.target_id = ${sqlText(paymentWorkflowId(id))} AND NEW.outcome = 'SUCCESS'`,
    );
    try {
      const refused = await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, author().auth);
      expect(refused.body).toMatchObject({ code: 'PAYMENT.STEP_NOT_RECORDED' });
    } finally {
      await lift();
    }
    expect((await db.payment.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
    expect(await transitions(id)).toHaveLength(0);

    expectStatus(await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, author().auth), 200);
    const row = await db.payment.findUniqueOrThrow({ where: { id } });
    expect(row.status).not.toBe('DRAFT');
    const [record, ...more] = await transitions(id);
    expect(more).toHaveLength(0);
    expect(record).toMatchObject({ actorType: 'USER', actorId: author().userId, dedupKey: `transition/payment-${id}/${row.revision}` });
    expect(record!.details).toMatchObject({ flow: 'payment', from: 'DRAFT', to: row.status });
    await replays(id);
  });

  it('a write retried after its commit records its transition once', async () => {
    const id = await draft();
    loseCompletion.add(id);
    const before = retried;
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, author().auth), 200);
    expect(retried).toBe(before + 1);
    const row = await db.payment.findUniqueOrThrow({ where: { id } });
    expect(await transitions(id)).toEqual([expect.objectContaining({ dedupKey: `transition/payment-${id}/${row.revision}` })]);
    expect(await db.paymentEvent.count({ where: { paymentId: id, type: 'SUBMITTED' } })).toBe(1);
  });

  it('a write that committed but never reported it is put back with a record of the way back', async () => {
    const id = await draft();
    commitThenFail.add(id);
    try {
      const refused = await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, author().auth);
      expect(refused.body).toMatchObject({ code: 'PAYMENT.STEP_NOT_RECORDED' });
      // The step's write committed; the workflow could not know, so it put the draft back and wrote that.
      await eventually('the draft written back', async () => ((await db.payment.findUniqueOrThrow({ where: { id } })).status === 'DRAFT' ? true : undefined));
    } finally {
      commitThenFail.delete(id);
    }
    const [there, back, ...more] = await transitions(id);
    expect(more).toHaveLength(0);
    expect(there!.details).toMatchObject({ from: 'DRAFT', event: 'SUBMITTED' });
    expect(back!.details).toMatchObject({ from: (there!.details as { to: string }).to, to: 'DRAFT', event: 'PUT_BACK' });

    // Submitted again: one more record, and the row agrees with the last one.
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, author().auth), 200);
    const row = await db.payment.findUniqueOrThrow({ where: { id } });
    expect((await transitions(id)).map((t) => (t.details as { to: string }).to)).toEqual([row.status, 'DRAFT', row.status]);
    await replays(id);
  });

  it('a put-back after a write that never committed records nothing: the row never left the draft', async () => {
    const id = await draft();
    unreachable.add(id);
    try {
      expect((await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, author().auth)).body).toMatchObject({ code: 'PAYMENT.STEP_NOT_RECORDED' });
      // The put-back write lands (it is let through) at a newer revision; it records no transition.
      await eventually('the put-back write', async () => ((await db.payment.findUniqueOrThrow({ where: { id } })).revision > 0 ? true : undefined));
    } finally {
      unreachable.delete(id);
    }
    expect((await db.payment.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
    expect(await transitions(id)).toHaveLength(0);
    expect(await transitions(id, 'FAILURE')).toHaveLength(1);
    await replays(id);
  });
});
