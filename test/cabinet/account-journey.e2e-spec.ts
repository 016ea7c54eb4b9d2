import { email, mobile } from '../support/fixtures';
import { MailCatcher } from '../support/mail';
import { registerPartner } from '../support/users';
import { personBrowser, pressUntilSent, smsBox, startCabinetStack, status, type CabinetStack } from './support';

/** Issue 16, the other cabinet flows in Chromium: code sign-in, recovery by the e-mailed link, a sub-user, the approval policy. */
describe('cabinet in a browser: sign-in by code, recovery, users, approval policy', () => {
  let stack: CabinetStack;
  const mail = new MailCatcher();

  beforeAll(async () => {
    stack = await startCabinetStack('account');
  }, 90_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('signs in by SMS code, recovers the password from the e-mailed link, adds a sub-user, changes the approval policy', async () => {
    const { h, cabinet, browser, timings, step } = stack;
    const started = Date.now();
    const { users } = await registerPartner(h, mail);
    const user = users[0]!;
    const smsSoFar = async () => (await mail.to(smsBox(user.phone))).length;
    const nextCode = async (before: number) => /\b(\d{6})\b/.exec((await mail.waitFor(smsBox(user.phone), before + 1))[before]!.text)![1]!;
    const context = await personBrowser(browser);
    const page = await context.newPage();

    step('sign-in by code');
    await page.goto(`${cabinet.url}/login`);
    await page.getByTestId('mode-code').click();
    await page.locator('#field-login').fill(user.login);
    let before = await smsSoFar();
    await page.getByTestId('login-send-code').click();
    await page
      .getByTestId('code-countdown')
      .getByText(/[45]:\d\d/)
      .waitFor();
    await page.locator('#field-code').fill(await nextCode(before));
    await page.getByTestId('login-verify').click();
    await page.getByTestId('me-name').waitFor();
    await page.getByTestId('logout').click();

    step('recovery');
    await page.getByTestId('mode-recovery').click();
    await page.locator('#field-login').fill(user.login);
    await page.getByTestId('recovery-request').click();
    await page.getByTestId('recovery-requested').getByText('72 ч').waitFor();
    const [letter] = await mail.waitForMatching(user.login, /\/recover\//);
    const link = /(https?:\/\/\S+\/recover\/[A-Za-z0-9_-]{43})/.exec(letter!.text)![1]!;
    expect(link.startsWith(`${cabinet.url}/recover/`)).toBe(true);
    await page.goto(link);
    await expect(status(page, 'recover')).resolves.toBe('START');
    before = await smsSoFar();
    await pressUntilSent(page, 'send-code');
    await page.locator('#field-code').fill(await nextCode(before));
    await page.getByTestId('verify').click();
    const renewed = 'Tenge#2026-steppe';
    await page.locator('#field-password').fill(renewed);
    await page.getByTestId('set-password').click();
    await page.getByTestId('link-done').getByText('Пароль изменён').waitFor();
    await page.getByTestId('to-login').click();
    await page.locator('#field-login').fill(user.login);
    await page.locator('#field-password').fill(renewed);
    await page.getByTestId('login').click();
    await page.getByTestId('me-name').waitFor();

    // A sub-user (§1.8), confirmed with the creator's own SMS code; the bank invites them.
    step('sub-user');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-row').getByText(user.login).waitFor();
    await expect(page.getByTestId('user-row').count()).resolves.toBe(1);
    const newcomer = { fullName: 'Асель Ким', email: email('sub'), phone: mobile() };
    for (const [name, value] of Object.entries(newcomer)) await page.locator(`#field-${name}`).fill(value);
    before = await smsSoFar();
    await pressUntilSent(page, 'create-sub-user');
    await page.locator('#field-code').fill(await nextCode(before));
    await page.getByTestId('confirm-sub-user').click();
    await page.locator('[data-testid="sub-user-request"][data-status="INVITED"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('user-row').getByText(newcomer.email.toLowerCase()).waitFor();
    await expect(page.getByTestId('user-row').count()).resolves.toBe(2);
    const [invitation] = await mail.waitForMatching(newcomer.email, /\/register\//);
    expect(invitation!.text).toContain(`${cabinet.url}/register/`);

    // The approval policy (§1.2.1): a bad tier is refused under its field; a good one takes the changer's code.
    step('approval policy');
    await page.getByTestId('nav-policy').click();
    await page.locator('[data-testid="policy"][data-version="0"]').waitFor();
    await page.getByTestId('add-rule').click();
    await page.locator('#field-rules\\.0\\.minAmount').fill('-1');
    await page.getByTestId('save-policy').click();
    await page.getByTestId('error-rules.0.minAmount').waitFor();
    await page.locator('#field-rules\\.0\\.minAmount').fill('500000.00');
    await page.locator('#field-rules\\.0\\.requiredConfirmations').fill('2');
    before = await smsSoFar();
    await pressUntilSent(page, 'save-policy');
    await page.getByTestId('confirms-what').getByText('от 500000.00 KZT — 2').waitFor();
    await page.locator('#field-code').fill(await nextCode(before));
    await page.getByTestId('verify').click();
    await page.locator('[data-testid="policy"][data-version="1"]').waitFor();
    await context.close();
    timings.scenarioMs = Date.now() - started;
  });
});
