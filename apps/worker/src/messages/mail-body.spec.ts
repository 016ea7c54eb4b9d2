import { paymentConfirmationSms } from './payment-templates';
import { receiptMail, receiptSms } from './receipt-templates';
import { escapeHtml, link, mailBody } from './mail-body';
import { loginLockedMail, recoveryLinkMail } from './auth-templates';
import { subUserCodeSms, subUserLinkMail, subUserRejectedMail } from './sub-user-templates';
import { registrationLinkMail } from './templates';
import type { ReceiptFacts } from '../receipts/receipt-facts';

const hostile = '<b>x</b> & "Co" <script>alert(1)</script>\nSecond line\u202E';
const linkFacts = { fullName: hostile, organisation: hostile, link: 'https://cabinet.example.kz/register/abc', expiresAt: '2026-11-24T10:00:00.000Z' };

describe('e-mail bodies (issue 12: inserted values are escaped, one line each)', () => {
  it('escapes a value in HTML and keeps the template’s own markup', () => {
    const body = mailBody`Hello, ${'<b>x</b>'}!\n\nOpen ${link('https://x.kz/?a=1&b=2')}`;
    expect(body.text).toBe('Hello, <b>x</b>!\n\nOpen https://x.kz/?a=1&b=2');
    expect(body.html).toBe(
      '<!doctype html><html><body><p>Hello, &lt;b&gt;x&lt;/b&gt;!</p><p>Open <a href="https://x.kz/?a=1&amp;b=2">https://x.kz/?a=1&amp;b=2</a></p></body></html>',
    );
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it.each([
    ['sub-user link', subUserLinkMail('ru', linkFacts)],
    ['sub-user link (kk)', subUserLinkMail('kk', linkFacts)],
    ['registration link', registrationLinkMail('ru', linkFacts)],
    ['recovery link', recoveryLinkMail('kk', linkFacts)],
    ['login locked', loginLockedMail('ru', { fullName: hostile, organisation: hostile, lockedUntil: '2026-11-24T10:00:00.000Z' })],
    ['sub-user rejected', subUserRejectedMail('kk', { fullName: hostile, organisation: hostile, newUserName: hostile, operatorReason: hostile })],
  ])('%s: a fullName with HTML arrives escaped, on one line, without direction marks', (_name, mail) => {
    expect(mail.html).toContain('&lt;b&gt;x&lt;/b&gt; &amp; &quot;Co&quot; &lt;script&gt;alert(1)&lt;/script&gt; Second line');
    expect(mail.html).not.toMatch(/<b>|<script>|\u202E/);
    expect(mail.text.split('\n')[0]).toMatch(/, <b>x<\/b> & "Co" <script>alert\(1\)<\/script> Second line!$/);
    expect(mail.text).not.toContain('\u202E');
  });

  it('the link stays a working link in both parts', () => {
    const mail = subUserLinkMail('ru', { ...linkFacts, fullName: 'Айгерім' });
    expect(mail.text).toContain('\nhttps://cabinet.example.kz/register/abc\n');
    expect(mail.html).toContain('<a href="https://cabinet.example.kz/register/abc">https://cabinet.example.kz/register/abc</a>');
    expect(mail.text.startsWith('Здравствуйте, Айгерім!\n\nВас добавили')).toBe(true);
  });

  it('names the organisation and shows times in Almaty time, not UTC (issue 16)', () => {
    const mail = registrationLinkMail('ru', {
      fullName: 'Айгерім',
      organisation: 'ТОО «Дала Трейд»',
      link: 'https://x.kz/register/a',
      expiresAt: '2026-11-24T10:00:00.000Z',
    });
    expect(mail.text).toContain('вашей организации, ТОО «Дала Трейд».');
    expect(mail.text).toContain('до 2026-11-24 15:00 (Алматы)');
    expect(mail.text).not.toContain('UTC');
  });

  it('tells the creator of a rejection: an operator’s words as written, the checks’ refusal in neutral words', () => {
    const base = { fullName: 'Айгерім', organisation: 'ТОО «Дала Трейд»', newUserName: 'Данияр Сериков' };
    expect(subUserRejectedMail('ru', { ...base, operatorReason: 'Нет доверенности' }).text).toContain(
      'пользователя Данияр Сериков в бизнес-кабинет организации ТОО «Дала Трейд».\nПричина: Нет доверенности',
    );
    expect(subUserRejectedMail('kk', { ...base, operatorReason: null }).text).toContain('Себебі: банк бұл пайдаланушыны қосуды мақұлдамады');
  });

  it('the sub-user code SMS names the user being added, shortened and visible only', () => {
    expect(subUserCodeSms('ru', { code: '123456', ttlMs: 300_000, newUserName: 'Данияр\u202E Сериков' })).toBe(
      'Код для добавления пользователя Данияр Сериков: 123456. Действует 5 мин. Никому не сообщайте.',
    );
    expect(subUserCodeSms('kk', { code: '123456', ttlMs: 300_000, newUserName: 'А'.repeat(40) })).toBe(
      `${'А'.repeat(29)}… пайдаланушысын қосу коды: 123456. 5 мин жарамды. Ешкімге айтпаңыз.`,
    );
  });
});

const facts: ReceiptFacts = {
  number: 7,
  amount: '100.00',
  createdAt: new Date('2026-11-24T08:00:00Z'),
  valueDate: '2026-11-24',
  executedAt: new Date('2026-11-24T09:30:00Z'),
  reference: 'ref-1',
  payer: { name: 'ТОО «Тест»', bin: '123456789012', iban: 'KZ86125KZT5004100100' },
  beneficiary: { name: 'ТОО <i>Ромашка</i>\u202E0010\u202C', binIin: '060540001498', iban: 'KZ75125KZT2069100100', bic: 'HSBKKZKX', kbe: '17' },
  knp: '710',
  purpose: 'Оплата\nЛожная строка <a href="x">',
};

describe('receipt and payment texts with stored text that predates the policy', () => {
  it('the receipt e-mail keeps one line per value and escapes name and purpose in HTML', () => {
    const mail = receiptMail('ru', { fullName: 'Әсел', r: facts });
    expect(mail.text).toContain('\nНазначение платежа: Оплата Ложная строка <a href="x">\n');
    expect(mail.text).toContain('Получатель: ТОО <i>Ромашка</i>0010, БИН/ИИН');
    expect(mail.html).toContain('Назначение платежа: Оплата Ложная строка &lt;a href=&quot;x&quot;&gt;<br>');
    expect(mail.html).toContain('Получатель: ТОО &lt;i&gt;Ромашка&lt;/i&gt;0010');
  });

  it('an SMS shows no direction-changing characters, so the real account tail stays last (§1.13)', () => {
    const sms = paymentConfirmationSms('ru', {
      code: '123456',
      ttlMs: 300_000,
      number: 3,
      amountTiyn: 10_000n,
      beneficiaryName: 'ТОО Ромашка \u202E0010…\u202C\u200B',
      beneficiaryIban: 'KZ75125KZT2069100100',
    });
    expect(sms).toBe('Код 123456 подтверждает платёж №3: 100.00 KZT, получатель ТОО Ромашка 0010… …0100. Действует 5 мин. Никому не сообщайте.');
    expect(receiptSms('kk', facts)).toBe('№7 төлем 100.00 KZT, алушы ТОО <i>Ромашка</i>0010: орындалды.');
  });

  it('cuts long names by characters, never inside a surrogate pair', () => {
    const sms = paymentConfirmationSms('kk', {
      code: '123456',
      ttlMs: 60_000,
      number: 1,
      amountTiyn: 1n,
      beneficiaryName: '𝐀'.repeat(50),
      beneficiaryIban: 'KZ75125KZT2069100100',
    });
    expect(sms).toContain(`алушы ${'𝐀'.repeat(39)}… …0100.`);
  });
});
