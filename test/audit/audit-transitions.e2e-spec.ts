import { Worker } from '@temporalio/worker';
import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { encryptedDataConverter } from '@infra/temporal/encryption-codec';
import { loginChallengeWorkflowId } from '@workflows/login-challenge/login-challenge.messages';
import { recoveryWorkflowId } from '@workflows/recovery/recovery.messages';
import { registrationWorkflowId } from '@workflows/registration/registration.messages';
import { readTestStack } from '../setup/test-stack';
import { fromAddress } from '../support/addresses';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { registerPartner, type RegisteredPartner } from '../support/users';
import { auditRows, type AuditRow } from './support';

const LOCK_MS = 3_000;
const address = () => fromAddress();
const wrong = (code: string) => (code === '000000' ? '111111' : '000000');
/** What a transition record says, in the order the flow took the steps. */
const steps = (rows: AuditRow[]) => rows.map((r) => [r.details.from, r.details.to, r.details.event, r.actor_type, r.actor_id]);

/** Sign-in, recovery and lock flows leave every status change in the audit trail (§1.15), with ids only. */
describe('audit trail: transitions of the authentication flows', () => {
  let h: Harness;
  let partner: RegisteredPartner;
  const mail = new MailCatcher();
  const pg = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    h = await startHarness({ CODE_RESEND_COOLDOWN_MS: '1', LOGIN_LOCK_MS: String(LOCK_MS) });
    await pg.connect();
    partner = await registerPartner(h, mail, [{}, {}, {}]);
  });
  afterAll(async () => {
    await h.close();
    await pg.end();
  });

  /** The transitions of one finished workflow: it has returned, so nothing more is coming. */
  const transitionsOf = async (workflowId: string) => {
    const handle = h.temporal.workflow.getHandle(workflowId);
    await eventually(`${workflowId} closed`, async () => ((await handle.describe()).status.name === 'COMPLETED' ? true : undefined));
    // The changed workflow still replays from its own history: no non-determinism slipped in.
    await Worker.runReplayHistory(
      { workflowBundle: { codePath: readTestStack().workflowBundlePath! }, dataConverter: encryptedDataConverter(h.env.PAYLOAD_KEYS) },
      await handle.fetchHistory(),
      workflowId,
    );
    return auditRows(pg, "action = 'workflow.transition' AND target_id = $1", [workflowId]);
  };
  const expectNoSecrets = (rows: AuditRow[], short: string[], long: string[]) => {
    for (const row of rows) {
      // Nothing beyond the four facts, so nothing personal or secret can hide in the details.
      expect(Object.keys(row.details).sort()).toEqual(['event', 'flow', 'from', 'to']);
      const details = JSON.stringify(row.details);
      for (const secret of short) expect(details).not.toContain(secret);
    }
    // Long secrets can't collide with hashes or uuids by chance: no column of these records holds them.
    const text = JSON.stringify(rows);
    for (const secret of long) expect(text).not.toContain(secret);
  };

  it('a code sign-in records ISSUED, then VERIFIED by the user; a wrong code changes no status and records none', async () => {
    const user = partner.users[0]!;
    const started = await call(h, 'POST', '/v1/auth/otp', { login: user.login }, address());
    expect(started.status).toBe(202);
    const { challengeId } = started.body as { challengeId: string };
    const code = await mail.smsCode(user.phone, 2);
    expect((await call(h, 'POST', `/v1/auth/otp/${challengeId}/verify`, { code: wrong(code) }, address())).status).toBe(401);
    const ok = await call(h, 'POST', `/v1/auth/otp/${challengeId}/verify`, { code }, address());
    expect(ok.status).toBe(200);

    const rows = await transitionsOf(loginChallengeWorkflowId(challengeId));
    expect(steps(rows)).toEqual([
      [null, 'ISSUED', 'START', 'SYSTEM', null],
      ['ISSUED', 'VERIFIED', 'CODE_CHECKED', 'USER', user.userId],
    ]);
    expect(rows.every((r) => r.partner_id === partner.partnerId && r.details.flow === 'login-challenge' && r.outcome === 'SUCCESS')).toBe(true);
    const sessionKey = (ok.body as { sessionKey: string }).sessionKey;
    expectNoSecrets(rows, [code, wrong(code)], [sessionKey, user.phone, user.phone.replace(/\D/g, ''), user.login, user.password]);
  });

  it('a password recovery records every step from LINK_SENT to COMPLETED, with no token, code, phone or e-mail', async () => {
    const user = partner.users[1]!;
    expect((await call(h, 'POST', '/v1/auth/recovery', { login: user.login })).status).toBe(202);
    const token = await mail.linkToken(user.login, 'recover', 2);
    expect((await call(h, 'POST', `/v1/auth/recovery/${token}/code`)).status).toBe(202);
    const code = await mail.smsCode(user.phone, 2);
    expect((await call(h, 'POST', `/v1/auth/recovery/${token}/verify`, { code: wrong(code) })).status).toBe(400);
    expect((await call(h, 'POST', `/v1/auth/recovery/${token}/verify`, { code })).status).toBe(200);
    const newPassword = `Kok-Tobe-${randomInt(1e6)}-Zhol!`;
    expect((await call(h, 'POST', `/v1/auth/recovery/${token}/password`, { password: newPassword })).status).toBe(200);

    const rows = await transitionsOf(recoveryWorkflowId(user.userId, 1));
    expect(steps(rows)).toEqual([
      [null, 'LINK_SENT', 'START', 'SYSTEM', null],
      ['LINK_SENT', 'CODE_SENT', 'CODE_REQUESTED', 'USER', user.userId],
      ['CODE_SENT', 'CODE_VERIFIED', 'CODE_CHECKED', 'USER', user.userId],
      ['CODE_VERIFIED', 'COMPLETED', 'PASSWORD_SET', 'USER', user.userId],
    ]);
    expect(rows.every((r) => r.partner_id === partner.partnerId && r.details.flow === 'recovery')).toBe(true);
    expectNoSecrets(rows, [code, wrong(code)], [token, newPassword, user.password, user.phone, user.phone.replace(/\D/g, ''), user.login]);
  });

  it('a registration records every step from INVITED to ACTIVE, also when the code was asked for before INVITED was recorded', async () => {
    // registerPartner asks for the code as soon as the link arrives, which may be before the
    // workflow has recorded INVITED: each step must still have its own record, none merged.
    for (const user of partner.users) {
      const rows = await transitionsOf(registrationWorkflowId(user.userId, 1));
      expect(steps(rows)).toEqual([
        [null, 'INVITED', 'START', 'SYSTEM', null],
        ['INVITED', 'CODE_SENT', 'CODE_REQUESTED', 'USER', user.userId],
        ['CODE_SENT', 'CODE_VERIFIED', 'CODE_CHECKED', 'USER', user.userId],
        ['CODE_VERIFIED', 'ACTIVE', 'PASSWORD_SET', 'USER', user.userId],
      ]);
      expect(rows.every((r) => r.partner_id === partner.partnerId && r.details.flow === 'registration')).toBe(true);
      expectNoSecrets(rows, [], [user.password, user.phone, user.phone.replace(/\D/g, ''), user.login]);
    }
  });

  it('a login lock records LOCKED and, when its timer runs out, UNLOCKED', async () => {
    const user = partner.users[2]!;
    for (let i = 0; i < 5; i++) {
      expect((await call(h, 'POST', '/v1/auth/login', { login: user.login, password: `Wrong-guess-${i}!` }, address())).status).toBe(401);
    }
    // One workflow per lock, named by its end: found through its first record.
    const workflowId = await eventually('the lock workflow', async () => {
      const found = await pg.query<{ target_id: string }>("SELECT target_id FROM audit_records WHERE action = 'workflow.transition' AND target_id LIKE $1 LIMIT 1", [
        `login-lock-${user.userId}-%`,
      ]);
      return found.rows[0]?.target_id;
    });
    const rows = await transitionsOf(workflowId);
    expect(steps(rows)).toEqual([
      [null, 'LOCKED', 'START', 'SYSTEM', null],
      ['LOCKED', 'UNLOCKED', 'LOCK_EXPIRED', 'SYSTEM', null],
    ]);
    expect(rows.every((r) => r.partner_id === partner.partnerId && r.details.flow === 'login-lock')).toBe(true);
    expectNoSecrets(rows, [], [user.password, user.phone, user.login]);
  });
});
