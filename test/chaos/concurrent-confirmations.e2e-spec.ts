import { createPrisma } from '@infra/prisma/prisma.service';
import { cabinet, requestCode, setPolicy, statusBecomes, submitted, verify } from '../payments/support';
import { call, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { invite } from './support/flows';

/**
 * Impatient and racing users: the same confirmation sent many times at once must
 * count once (§1.13), whichever request the workflow's Update sees first.
 */
describe('chaos: concurrent confirmations and double clicks', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  it('100 concurrent confirmations of one document by two users: each user is counted once, the payment posts once', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS', 'FULL_ACCESS']);
    const [first, second] = c.users;
    await setPolicy(h, mail, first!, { rules: [{ minAmount: '0', requiredConfirmations: 2 }], authorMayConfirm: true });
    const id = await submitted(h, c, first!, '250.00');
    const codes = [await requestCode(h, mail, first!, id), await requestCode(h, mail, second!, id)];

    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => {
        const who = i % 2;
        return verify(h, c.users[who]!, id, codes[who]!.challengeId, codes[who]!.code).then((res) => ({ who, res }));
      }),
    );
    for (const who of [0, 1]) {
      const mine = answers.filter((a) => a.who === who).map((a) => a.res.status);
      expect(mine.filter((s) => s === 200)).toHaveLength(1);
      // Every other attempt is refused as a conflict: the challenge is used, or the document moved on.
      expect(mine.filter((s) => s !== 200).every((s) => s === 409)).toBe(true);
    }
    const done = await statusBecomes(h, first!, id, 'EXECUTED');
    expect(done.confirmations.map((x: { userId: string }) => x.userId).sort()).toEqual([first!.userId, second!.userId].sort());
    expect(await db.ledgerPosting.count({ where: { paymentId: id } })).toBe(1);
  });

  it('a double-clicked registration verify: one answer is 200, the other a 409', async () => {
    const app = await invite(h, 1);
    const token = await mail.linkToken(app.users[0]!.email);
    expect((await call(h, 'POST', `/v1/registrations/${token}/code`)).status).toBe(202);
    const code = await mail.smsCode(app.users[0]!.phone);
    const clicks = await Promise.all([1, 2].map(() => call(h, 'POST', `/v1/registrations/${token}/verify`, { code })));
    expect(clicks.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
