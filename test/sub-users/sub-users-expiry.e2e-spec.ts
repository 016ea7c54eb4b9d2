import { call, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { login, registerPartner } from '../support/users';
import { confirm, createAndConfirm, createRequest, createWithCode, newUser, waitForStatus } from './support';

/**
 * §1.8.2 and §1.8.3 deadlines are workflow timers: short lifetimes here make them
 * fire within the test. Nothing is checked at read time.
 */
describe('sub-user request deadlines', () => {
  let h: Harness;
  const mail = new MailCatcher();
  let creator: { session: string; phone: string };

  beforeAll(async () => {
    h = await startHarness({ CODE_TTL_MS: '3000', SUB_USER_OPERATOR_REVIEW: 'true', SUB_USER_OPERATOR_TTL_MS: '3000' });
    const partner = await registerPartner(h, mail, [{ accessLevel: 'FULL_ACCESS' }]);
    const user = partner.users[0]!;
    creator = { session: await login(h, user.login, user.password), phone: user.phone };
  });
  afterAll(() => h.close());

  it('publishes the operator’s deadline with the other lifetimes (§1.11)', async () => {
    const res = await call(h, 'GET', '/v1/security/parameters');
    expect(res.body).toMatchObject({ codeTtlSeconds: 3, subUserOperatorDecisionTtlSeconds: 3 });
  });

  it('the creator never enters the code: the request expires, a late code is refused, the e-mail is free again', async () => {
    const sub = newUser('code-expired');
    const { requestId, code, created } = await createWithCode(h, mail, creator, sub);
    const { codeExpiresAt } = created;
    const expired = await waitForStatus(h, creator.session, requestId, 'EXPIRED', 15_000);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(codeExpiresAt));
    expect(expired).toMatchObject({ newUser: null, rejection: null });
    const late = await confirm(h, creator.session, requestId, code);
    expect(late).toMatchObject({ status: 409, body: { state: 'EXPIRED' } });
    expect((await createRequest(h, creator.session, sub)).status).toBe(202);
  });

  it('no operator decides in time: the request expires and a late approval is refused', async () => {
    const { requestId } = await createAndConfirm(h, mail, creator, newUser('operator-late'));
    const waiting = await waitForStatus(h, creator.session, requestId, 'AWAITING_OPERATOR');
    const deadline = Date.parse(waiting.operatorDecisionDeadline);
    await waitForStatus(h, creator.session, requestId, 'EXPIRED', 15_000);
    expect(Date.now()).toBeGreaterThanOrEqual(deadline);
    const late = await call(h, 'POST', `/v1/operator/sub-user-requests/${requestId}/approve`, undefined, h.operator);
    expect(late.status).toBe(409);
  });
});
