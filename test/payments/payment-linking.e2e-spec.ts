import { Worker } from '@temporalio/worker';
import { encryptedDataConverter } from '@infra/temporal/encryption-codec';
import { readTestStack } from '../setup/test-stack';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { historyText } from '../sub-users/support';
import { cabinet, confirm, expectStatus, requestCode, setPolicy, statusBecomes, submitted, verify } from './support';

/**
 * Dynamic linking (§1.13): a code confirms only the document and the version it was sent for.
 * Blocking (§1.14) withdraws a confirmation the bank does not have yet. No code ever reaches
 * workflow history.
 */
describe('payment confirmation codes', () => {
  let h: Harness;
  const mail = new MailCatcher();

  beforeAll(async () => {
    h = await startHarness({ CODE_RESEND_COOLDOWN_MS: '1000' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('a code from document A is refused on document B', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS']);
    const [director] = c.users;
    const a = await submitted(h, c, director);
    const b = await submitted(h, c, director);
    const codeA = await requestCode(h, mail, director!, a);
    const codeB = await requestCode(h, mail, director!, b);
    expect(codeA.code).not.toBe(codeB.code);

    // A's challenge presented on B: unknown there.
    const crossed = await verify(h, director!, b, codeA.challengeId, codeA.code);
    expect(crossed).toMatchObject({ status: 404, body: { code: 'PAYMENT.CHALLENGE_NOT_FOUND' } });
    // A's code typed into B's challenge: simply wrong.
    const typed = await verify(h, director!, b, codeB.challengeId, codeA.code);
    expect(typed).toMatchObject({ status: 400, body: { code: 'PAYMENT.WRONG_CODE' } });
    expect((await call(h, 'GET', `/v1/payments/${b}`, undefined, director!.auth)).body.status).toBe('AWAITING_CONFIRMATION');

    expect((await verify(h, director!, a, codeA.challengeId, codeA.code)).body.status).toBe('SENT_TO_BANK');
    expect((await verify(h, director!, b, codeB.challengeId, codeB.code)).body.status).toBe('SENT_TO_BANK');
  });

  it('a code sent before an edit does not confirm the edited document', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS', 'CREATE_AND_VIEW']);
    const [director, clerk] = c.users;
    const id = await submitted(h, c, clerk);
    const before = await requestCode(h, mail, director!, id);
    expect(before.text).toContain('1500.50 KZT');

    const edited = await call(h, 'PATCH', `/v1/payments/${id}`, { amount: '999999.00' }, clerk!.auth);
    // The edit returned it to draft (version 2) and changed it (version 3).
    expect(edited).toMatchObject({ status: 200, body: { status: 'DRAFT', version: 3 } });
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, clerk!.auth), 200);

    const stale = await verify(h, director!, id, before.challengeId, before.code);
    expect(stale.status).toBe(409);
    expect((await call(h, 'GET', `/v1/payments/${id}`, undefined, clerk!.auth)).body).toMatchObject({ status: 'AWAITING_CONFIRMATION', confirmations: [] });

    const fresh = await requestCode(h, mail, director!, id);
    expect(fresh.text).toContain('999999.00 KZT');
    expect((await verify(h, director!, id, fresh.challengeId, fresh.code)).body).toMatchObject({ status: 'SENT_TO_BANK' });
  });

  it('a confirmer blocked before the bank has the document loses their confirmation', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS', 'FULL_ACCESS', 'FULL_ACCESS']);
    const [dir1, dir2, dir3] = c.users;
    await setPolicy(h, mail, dir1!, { rules: [{ minAmount: '0', requiredConfirmations: 2 }] });
    const id = await submitted(h, c, dir1);
    expect(await confirm(h, mail, dir2!, id)).toMatchObject({ status: 'PARTIALLY_CONFIRMED' });

    const blocked = await call(h, 'POST', `/v1/operator/users/${dir2!.userId}/block`, { reason: 'compromised phone' }, h.operator);
    expect(blocked.status).toBe(200);
    const withdrawn = await eventually('confirmation withdrawn', async () => {
      const res = await call(h, 'GET', `/v1/payments/${id}`, undefined, dir1!.auth);
      return res.body.status === 'AWAITING_CONFIRMATION' ? res.body : undefined;
    });
    expect(withdrawn.confirmations).toEqual([]);
    expect(withdrawn.timeline.at(-1)).toMatchObject({ type: 'CONFIRMATION_WITHDRAWN', details: { userId: dir2!.userId } });

    expect(await confirm(h, mail, dir1!, id)).toMatchObject({ status: 'PARTIALLY_CONFIRMED', confirmations: 1 });
    expect(await confirm(h, mail, dir3!, id)).toMatchObject({ status: 'SENT_TO_BANK', confirmations: 2 });
    await statusBecomes(h, dir1!, id, 'EXECUTED');
  });

  it('no code, and no login, ever enters workflow history', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS']);
    const [director] = c.users;
    const id = await submitted(h, c, director);
    const { challengeId, code } = await requestCode(h, mail, director!, id);
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await verify(h, director!, id, challengeId, wrong)).status).toBe(400);
    expect((await verify(h, director!, id, challengeId, code)).status).toBe(200);
    await statusBecomes(h, director!, id, 'EXECUTED');
    const policyCode = await setPolicy(h, mail, director!, { rules: [{ minAmount: '0', requiredConfirmations: 1 }] });
    expect(policyCode.version).toBe(1);

    const workflows = [];
    for await (const wf of h.temporal.workflow.list({ query: `PartnerId = "${c.partner.partnerId}"` })) workflows.push(wf.workflowId);
    expect(workflows).toEqual(expect.arrayContaining([`payment-${id}`]));
    expect(workflows.some((w) => w.startsWith('approval-policy-change-'))).toBe(true);
    for (const workflowId of workflows) {
      const history = await historyText(h, workflowId);
      // The payloads were decoded, so the checks below are not vacuous.
      expect(history).toContain(workflowId.startsWith('payment-') ? '"confirmationTtlMs"' : '"codeTtlMs"');
      // As a number of its own: six digits inside a timestamp or an id are not a code.
      for (const secret of [code, wrong]) expect(history).not.toMatch(new RegExp(`(?<![0-9])${secret}(?![0-9])`));
      expect(history).not.toContain(director!.login);
      expect(history).not.toContain(director!.password);
    }
    // The finished workflow replays deterministically from its own history.
    const history = await h.temporal.workflow.getHandle(`payment-${id}`).fetchHistory();
    await Worker.runReplayHistory(
      { workflowBundle: { codePath: readTestStack().workflowBundlePath! }, dataConverter: encryptedDataConverter(h.env.PAYLOAD_KEYS) },
      history,
      `payment-${id}`,
    );
  });
});
