import type { Mailer, MailMessage } from './mailer';
import { SmtpSmsSender } from './sms';

describe('SMS senders (§1.13: what the phone shows is what was confirmed)', () => {
  it('send one line of visible text, whatever a template inserted', async () => {
    const sent: MailMessage[] = [];
    const mailer = { send: async (m: MailMessage) => (sent.push(m), 'sent' as const) } as unknown as Mailer;
    await new SmtpSmsSender(mailer, 'sms.localhost').send({
      idempotencyKey: 'k',
      phone: '+77011234567',
      template: 't',
      recipientForLog: 'r',
      text: 'Код 123456: получатель ТОО\u202E0010\u202C\n…9999\u0000',
    });
    expect(sent[0]).toMatchObject({ to: '77011234567@sms.localhost', text: 'Код 123456: получатель ТОО0010 …9999' });
  });

  it('leave ordinary Kazakh and Russian text as it is', async () => {
    const sent: MailMessage[] = [];
    const mailer = { send: async (m: MailMessage) => (sent.push(m), 'sent' as const) } as unknown as Mailer;
    const text = '123456 коды №4 төлемді растайды: 10.00 KZT, алушы ТОО «Жұлдыз» …0100. 5 мин жарамды. Ешкімге айтпаңыз.';
    await new SmtpSmsSender(mailer, 'sms.localhost').send({ idempotencyKey: 'k', phone: '+77011234567', template: 't', recipientForLog: 'r', text });
    expect(sent[0]!.text).toBe(text);
  });
});
