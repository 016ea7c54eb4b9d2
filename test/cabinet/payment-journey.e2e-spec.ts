import type { Page } from 'playwright-core';
import { application, bin, kzIban, STRONG_PASSWORD } from '../support/fixtures';
import { call } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { download, personBrowser, pressUntilSent, smsBox, startCabinetStack, status, type CabinetStack } from './support';

/**
 * Issue 16: the e-mailed link leads to the reference cabinet (apps/cabinet). A person does their
 * steps in Chromium; the bank (operator calls) and the second director's registration go through
 * REST as in the other specs; the core-banking stub executes the payment.
 */
describe('cabinet in a browser: registration to statement', () => {
  let stack: CabinetStack;
  const mail = new MailCatcher();

  beforeAll(async () => {
    stack = await startCabinetStack('payment');
  }, 90_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('registers from the e-mailed link, pays, a second director confirms by SMS code, the statement shows it', async () => {
    const { h, cabinet, browser, timings, step } = stack;
    const started = Date.now();
    const body = application([{ accessLevel: 'FULL_ACCESS' }, { accessLevel: 'FULL_ACCESS' }]);
    const [person, second] = body.users;
    step('the bank records and signs the application');
    const created = await call(h, 'POST', '/v1/operator/applications', body, h.operator);
    expect(created.status).toBe(201);
    const { applicationId } = created.body;
    expect((await call(h, 'POST', `/v1/operator/applications/${applicationId}/sign`, undefined, h.operator)).status).toBe(200);
    expect((await call(h, 'POST', `/v1/operator/applications/${applicationId}/agreement-acceptance`, undefined, h.operator)).status).toBe(200);
    const secondLogin = registerByRest(second!.email, second!.phone);

    // The link as the person reads it in the e-mail.
    step('registration e-mail');
    const [invitation] = await mail.waitForMatching(person!.email, /\/register\//);
    const link = /(https?:\/\/\S+\/register\/[A-Za-z0-9_-]{43})/.exec(invitation!.text)![1]!;
    expect(link.startsWith(`${cabinet.url}/register/`)).toBe(true);

    const own = await personBrowser(browser);
    const page = await own.newPage();
    await page.goto(link);
    await expect(status(page, 'register')).resolves.toBe('START');
    await page
      .getByTestId('link-countdown')
      .getByText(/Ссылка действует ещё 7[12]:\d\d:\d\d/)
      .waitFor();
    await pressUntilSent(page, 'send-code');
    await page
      .getByTestId('code-countdown')
      .getByText(/Код действует ещё [45]:\d\d/)
      .waitFor();
    // The resend button waits out the API's cooldown (3 s here), counting down.
    step('registration code');
    await expect(page.getByTestId('resend').isDisabled()).resolves.toBe(true);
    await page
      .getByTestId('resend-countdown')
      .getByText(/через 0:0\d/)
      .waitFor();

    const code = await mail.smsCode(person!.phone);
    await page.locator('#field-code').fill(code === '000000' ? '111111' : '000000');
    await page.getByTestId('verify').click();
    await page.getByTestId('error-code').getByText('Неверный код. Осталось попыток: 4.').waitFor();
    await page.locator('#field-code').fill(code);
    await page.getByTestId('verify').click();

    // Password rules are the API's published policy, ticked live as the person types.
    step('password');
    const password = page.locator('#field-password');
    await password.fill('short');
    await page.locator('[data-rule="minLength"][data-met="false"]').getByText('Не короче 10 символов').waitFor();
    await expect(page.locator('[data-rule="symbol"]').getAttribute('data-met')).resolves.toBe('false');
    // Meets every rule the browser can tick but contains the login: the API's 400 lands under the field.
    await password.fill(`Xy9#${person!.email.split('@')[0]}`);
    await expect(page.locator('.rules [data-met="false"]').count()).resolves.toBe(0);
    await page.getByTestId('set-password').click();
    await page.getByTestId('error-password').getByText('Пароль не должен содержать логин.').waitFor();
    await password.fill(STRONG_PASSWORD);
    await page.getByTestId('set-password').click();
    await page.getByTestId('link-done').getByText(person!.email).waitFor();

    // Login by password, then /me, in both languages.
    step('login');
    await page.getByTestId('to-login').click();
    await expect(page.locator('#field-login').inputValue()).resolves.toBe(person!.email);
    // Refusals by stable code read in the person's language (the API's own words otherwise).
    await page.locator('#field-password').fill('Wrong-password-1');
    await page.getByTestId('login').click();
    await page.getByTestId('problem').getByText('Неверный логин или пароль.').waitFor();
    await page.locator('#field-password').fill(STRONG_PASSWORD);
    await page.getByTestId('login').click();
    await page.getByTestId('me-name').getByText(person!.fullName).waitFor();
    await page.getByTestId('me-partner').getByText(body.partner.name).waitFor();
    await page.getByTestId('me-access').getByText('Полный доступ').waitFor();
    await page.getByTestId('language').selectOption('kk');
    await page.getByTestId('me-access').getByText('Толық қолжетімділік').waitFor();
    await page.getByText('Бизнес кабинеті').waitFor();
    await page.getByTestId('language').selectOption('ru');

    // A draft: the API's field errors appear next to their fields; then a valid one, submitted.
    step('payment draft');
    const beneficiary = { name: 'ТОО «Астана Логистик»', binIin: bin(), iban: kzIban(), bic: 'CASPKZKA', kbe: '17' };
    await page.getByTestId('new-payment').click();
    await page.locator('#field-debitIban').getByText(body.accounts[0]!.iban).waitFor({ state: 'attached' });
    await fillPayment(page, { ...beneficiary, binIin: '123' }, '1500.50');
    await page.getByTestId('create-payment').click();
    await page.getByTestId('error-beneficiary.binIin').waitFor();
    await page.locator('#field-beneficiary\\.binIin').fill(beneficiary.binIin);
    await page.getByTestId('create-payment').click();
    await expect(status(page, 'payment')).resolves.toBe('DRAFT');
    const paymentId = /\/payments\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await page.getByTestId('submit-payment').click();
    await page.locator('[data-testid="payment"][data-status="AWAITING_CONFIRMATION"]').waitFor();

    // The second director confirms in a browser of their own, with the code from their SMS.
    step('confirmation by the second director');
    const theirs = await personBrowser(browser);
    const other = await theirs.newPage();
    await other.goto(`${cabinet.url}/login`);
    await other.locator('#field-login').fill(await secondLogin);
    await other.locator('#field-password').fill(STRONG_PASSWORD);
    await other.getByTestId('login').click();
    await other.getByTestId('me-name').waitFor();
    await other.goto(`${cabinet.url}/payments/${paymentId}`);
    const smsBefore = (await mail.to(smsBox(second!.phone))).length;
    await other.getByTestId('confirm-payment').click();
    const what = other.getByTestId('confirms-what');
    await what.getByText(`1500.50 KZT получателю ${beneficiary.name} (IBAN ${beneficiary.iban})`).waitFor();
    await other
      .getByTestId('code-countdown')
      .getByText(/Код действует ещё [45]:\d\d/)
      .waitFor();
    const sms = (await mail.waitFor(smsBox(second!.phone), smsBefore + 1))[smsBefore]!.text;
    expect(sms).toContain('1500.50 KZT');
    await other.locator('#field-code').fill(/\b(\d{6})\b/.exec(sms)![1]!);
    await other.getByTestId('verify').click();
    // The core-banking stub executes it; the page follows the document until it is done.
    step('execution');
    await other.locator('[data-testid="payment"][data-status="EXECUTED"]').waitFor({ timeout: 30_000 });
    await theirs.close();

    // The person's statement shows the payment; CSV and PDF download.
    step('statement');
    await page.goto(`${cabinet.url}/`);
    await page.getByTestId(`statement-${body.accounts[0]!.iban}`).click();
    const operation = page.locator(`[data-testid="operation"][data-payment-id="${paymentId}"]`);
    await operation.getByText('−1500.50').waitFor();
    await expect(operation.textContent()).resolves.toContain(beneficiary.name);
    await page.getByTestId('closing').getByText('998499.50').waitFor();
    const csv = await download(page, 'download-csv');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.bytes.toString('utf8')).toContain('1500.50');
    const pdf = await download(page, 'download-pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The confirmation document of the executed payment (§2.5), by e-mail.
    step('receipt');
    const mailsBefore = (await mail.to(person!.email)).length;
    await page.goto(`${cabinet.url}/payments/${paymentId}`);
    await page.getByTestId('receipt-email').click();
    await page.getByTestId('receipt-sent').waitFor();
    await mail.waitFor(person!.email, mailsBefore + 1);
    await own.close();
    timings.scenarioMs = Date.now() - started;
  });

  /** The second director registers through REST, as test/support/users.ts does; resolves to the login. */
  async function registerByRest(email: string, phone: string): Promise<string> {
    const { h } = stack;
    const token = await mail.linkToken(email);
    expect((await call(h, 'POST', `/v1/registrations/${token}/code`)).status).toBe(202);
    const code = await mail.smsCode(phone);
    expect((await call(h, 'POST', `/v1/registrations/${token}/verify`, { code })).status).toBe(200);
    const done = await call(h, 'POST', `/v1/registrations/${token}/password`, { password: STRONG_PASSWORD });
    expect(done.status).toBe(200);
    return done.body.login;
  }
});

async function fillPayment(page: Page, beneficiary: Record<string, string>, amount: string): Promise<void> {
  for (const [name, value] of Object.entries(beneficiary)) await page.locator(`#field-beneficiary\\.${name}`).fill(value);
  await page.locator('#field-amount').fill(amount);
  await page.locator('#field-knp').fill('710');
  await page.locator('#field-purpose').fill('Оплата по договору поставки №16');
}
