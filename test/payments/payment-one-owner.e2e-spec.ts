import { randomUUID } from 'node:crypto';
import { createPrisma } from '@infra/prisma/prisma.service';
import { paymentStateQuery, paymentWorkflowId } from '@workflows/payment/payment.messages';
import { refuseAuditRecords, sqlText } from '../support/audit-fault';
import { call, eventually, startHarness, type Harness, type HttpResult } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { cabinet, documentBody, expectStatus, requestCode, statusBecomes, verify, type Cabinet } from './support';

/**
 * One owner (issue 13): the payment's workflow starts with the draft and is the only writer of the
 * document after its creation. After every command — taken, refused by the aggregate, or refused
 * because its write failed — the row and the workflow's state agree on status, version and revision.
 */
describe('a payment has one owner: its workflow, from the draft on', () => {
  let h: Harness;
  let c: Cabinet;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);

  beforeAll(async () => {
    // A short retry budget, so a write that keeps failing is refused in seconds.
    h = await startHarness({ PAYMENT_RECORD_RETRY_MS: '4000' });
    c = await cabinet(h, mail, ['FULL_ACCESS', 'FULL_ACCESS', 'CREATE_AND_VIEW']);
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  const [director, other, clerk] = [0, 1, 2].map((i) => () => c.users[i]!);
  const handle = (id: string) => h.temporal.workflow.getHandle(paymentWorkflowId(id));

  /** The row and the workflow's state query, side by side. */
  const sides = async (id: string) => {
    const [row, view] = await Promise.all([db.payment.findUniqueOrThrow({ where: { id } }), handle(id).query(paymentStateQuery)]);
    return {
      row: { status: row.status, version: row.version, revision: row.revision, hold: row.holdStatus },
      workflow: { status: view.status, version: view.version, revision: view.revision, hold: view.hold?.status ?? null },
    };
  };
  /** Waits (briefly) for the writes a step queued, then asserts the two sides are the same. */
  const agree = async (id: string, expected: { status: string; version?: number; revision?: number }, after: string) => {
    const seen = await eventually(`row and workflow agree after ${after}`, async () => {
      const s = await sides(id);
      return JSON.stringify(s.row) === JSON.stringify(s.workflow) ? s : undefined;
    }).catch(async (error: unknown) => {
      throw new Error(`${(error as Error).message}: ${JSON.stringify(await sides(id))}`);
    });
    expect({ after, ...seen.row }).toMatchObject({ after, ...expected });
    return seen.row;
  };
  const refusedWith = (res: HttpResult, status: number, code: string) => expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });

  it('a new draft has its running workflow at once, agreeing with the row', async () => {
    const created = await call(h, 'POST', '/v1/payments', documentBody(c), clerk().auth);
    expectStatus(created, 201);
    const { id } = created.body;
    expect(await db.payment.findUniqueOrThrow({ where: { id }, select: { workflowId: true } })).toEqual({ workflowId: paymentWorkflowId(id) });
    expect((await handle(id).describe()).status.name).toBe('RUNNING');
    await agree(id, { status: 'DRAFT', version: 1, revision: 0 }, 'creation');
    // A draft has no confirmation deadline yet: the confirmers' time starts with a submission.
    expect((await handle(id).query(paymentStateQuery)).expiresAt).toBeNull();
  });

  it('agree after every command of a document’s life, taken or refused', async () => {
    const id = (await call(h, 'POST', '/v1/payments', documentBody(c), clerk().auth)).body.id as string;
    const path = (p = '') => `/v1/payments/${id}${p}`;

    expectStatus(await call(h, 'PATCH', path(), { purpose: 'Оплата по счёту №21' }, clerk().auth), 200);
    await agree(id, { status: 'DRAFT', version: 2 }, 'an edit of the draft');

    // Two edits at once: either the second was made on the first's version, or it is refused — never a lost update.
    const [a, b] = await Promise.all([call(h, 'PATCH', path(), { amount: '1700.00' }, clerk().auth), call(h, 'PATCH', path(), { knp: '711' }, director().auth)]);
    const statuses = [a.status, b.status].sort();
    const read = (await call(h, 'GET', path(), undefined, clerk().auth)).body;
    if (statuses[1] === 409) {
      expect([a, b].find((r) => r.status === 409)!.body.code).toBe('PAYMENT.CHANGED_MEANWHILE');
      expect(read.version).toBe(3);
    } else {
      expect(statuses).toEqual([200, 200]);
      expect(read).toMatchObject({ amount: '1700.00', knp: '711', version: 4 });
    }
    const { version } = await agree(id, { status: 'DRAFT' }, 'two edits at once');

    // Refused by the aggregate: nothing to return, nothing to confirm in a draft; a clerk never confirms.
    refusedWith(await call(h, 'POST', path('/return'), { reason: 'Неверный КНП' }, director().auth), 409, 'PAYMENT.TRANSITION_NOT_ALLOWED');
    await agree(id, { status: 'DRAFT', version }, 'a refused return of a draft');
    refusedWith(await call(h, 'POST', path('/confirmations'), undefined, director().auth), 409, 'PAYMENT.TRANSITION_NOT_ALLOWED');
    await agree(id, { status: 'DRAFT', version }, 'a refused code request on a draft');
    refusedWith(await call(h, 'POST', `/v1/operator/payments/${id}/execute`, undefined, h.operator), 409, 'PAYMENT.NOT_ON_HOLD');
    await agree(id, { status: 'DRAFT', version }, 'an operator decision on a draft');

    expectStatus(await call(h, 'POST', path('/submit'), undefined, clerk().auth), 200);
    await agree(id, { status: 'AWAITING_CONFIRMATION', version }, 'the submission');
    refusedWith(await call(h, 'POST', path('/confirmations'), undefined, clerk().auth), 403, 'ACCESS.FORBIDDEN');
    await agree(id, { status: 'AWAITING_CONFIRMATION' }, 'a code request by the wrong actor');

    // A wrong code is a step too: it spends an attempt, and the row records it.
    const first = await requestCode(h, mail, director(), id);
    const { revision: before } = await agree(id, { status: 'AWAITING_CONFIRMATION' }, 'a code request');
    const wrong = first.code === '000000' ? '111111' : '000000';
    refusedWith(await verify(h, director(), id, first.challengeId, wrong), 400, 'PAYMENT.WRONG_CODE');
    const afterWrong = await agree(id, { status: 'AWAITING_CONFIRMATION' }, 'a wrong code');
    expect(afterWrong.revision).toBeGreaterThan(before);
    refusedWith(await verify(h, other(), id, first.challengeId, first.code), 404, 'PAYMENT.CHALLENGE_NOT_FOUND');
    await agree(id, { status: 'AWAITING_CONFIRMATION' }, 'another user’s attempt at the code');

    // A failed write: the confirmation's write (with its transition record) is refused by the database.
    const lift = await refuseAuditRecords(db, `NEW.action = 'workflow.transition' AND NEW.target_id = ${sqlText(paymentWorkflowId(id))}`);
    try {
      refusedWith(await verify(h, director(), id, first.challengeId, first.code), 422, 'PAYMENT.STEP_NOT_RECORDED');
    } finally {
      await lift();
    }
    await agree(id, { status: 'AWAITING_CONFIRMATION' }, 'a confirmation whose write failed');

    // The step was put back, code and all: the same code confirms now.
    expectStatus(await verify(h, director(), id, first.challengeId, first.code), 200);
    await statusBecomes(h, director(), id, 'EXECUTED');
    await agree(id, { status: 'EXECUTED', version }, 'execution by the bank');

    // Final: refused before the workflow is asked, and the finished workflow still answers its query.
    refusedWith(await call(h, 'PATCH', path(), { purpose: 'too late' }, clerk().auth), 409, 'PAYMENT.TRANSITION_NOT_ALLOWED');
    refusedWith(await call(h, 'POST', path('/cancel'), undefined, clerk().auth), 409, 'PAYMENT.TRANSITION_NOT_ALLOWED');
    await agree(id, { status: 'EXECUTED', version }, 'commands to a final document');
    expect((await handle(id).describe()).status.name).toBe('COMPLETED');
  });

  it('a returned document and a cancelled draft agree, and a cancelled draft’s workflow ends', async () => {
    const id = (await call(h, 'POST', '/v1/payments', documentBody(c), clerk().auth)).body.id as string;
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, clerk().auth), 200);
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/return`, { reason: 'Неверный КНП' }, director().auth), 200);
    await agree(id, { status: 'DRAFT', version: 2 }, 'a return');
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/cancel`, undefined, clerk().auth), 200);
    await agree(id, { status: 'CANCELLED' }, 'cancelling the returned draft');

    const fresh = (await call(h, 'POST', '/v1/payments', documentBody(c), clerk().auth)).body.id as string;
    expectStatus(await call(h, 'POST', `/v1/payments/${fresh}/cancel`, undefined, clerk().auth), 200);
    await agree(fresh, { status: 'CANCELLED', version: 1 }, 'cancelling a fresh draft');
    await eventually('the cancelled draft’s workflow completes', async () => ((await handle(fresh).describe()).status.name === 'COMPLETED' ? true : undefined));
  });

  it('a draft whose workflow never started (created before, or its start failed) is started by its next command', async () => {
    // As the migration leaves a draft created before drafts had workflows: the row names one that does not run.
    const created = (await call(h, 'POST', '/v1/payments', documentBody(c), clerk().auth)).body as { id: string; number: number };
    const {
      id: _id,
      workflowId: _workflowId,
      number,
      policySnapshot: _none,
      createdAt: _at,
      updatedAt: _updated,
      ...row
    } = await db.payment.findUniqueOrThrow({
      where: { id: created.id },
    });
    const id = randomUUID();
    await db.payment.create({ data: { ...row, id, number: number + 10_000, workflowId: paymentWorkflowId(id), version: 3 } });
    await expect(handle(id).describe()).rejects.toThrow();

    expectStatus(await call(h, 'PATCH', `/v1/payments/${id}`, { purpose: 'Оплата по счёту №22' }, clerk().auth), 200);
    await agree(id, { status: 'DRAFT', version: 4 }, 'the first command to a draft without a running workflow');
    expect((await call(h, 'GET', `/v1/payments/${id}`, undefined, clerk().auth)).body).toMatchObject({ purpose: 'Оплата по счёту №22', version: 4 });
  });
});
