import { displayText } from '@domain/values/text.value-object';
import type { PrismaService } from '../prisma/prisma.service';
import type { Mailer } from './mailer';

export interface SmsMessage {
  idempotencyKey: string;
  /** E.164 Kazakhstan mobile number. */
  phone: string;
  text: string;
  template: string;
  recipientForLog: string;
}

/** The port every SMS leaves through. */
export interface SmsSender {
  send(message: SmsMessage): Promise<'sent' | 'already-sent'>;
}

/**
 * Development SMS: a mail to `<digits>@<domain>` whose body is the SMS text,
 * caught by MailDev (see the REST contract's development defaults).
 */
export class SmtpSmsSender implements SmsSender {
  constructor(
    private readonly mailer: Mailer,
    private readonly domain: string,
  ) {}

  send(message: SmsMessage): Promise<'sent' | 'already-sent'> {
    return this.mailer.send({
      idempotencyKey: message.idempotencyKey,
      to: `${message.phone.replace(/\D/g, '')}@${this.domain}`,
      subject: 'SMS',
      // The last guard of what a phone shows (§1.13): one line of visible text, whoever built it.
      text: displayText(message.text),
      template: message.template,
      recipientForLog: message.recipientForLog,
    });
  }
}

/**
 * A real SMS gateway's HTTP API: JSON POST with a bearer token and the
 * idempotency key as a header, which gateways use to drop repeated submissions.
 */
export class HttpSmsSender implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly sender: string,
    private readonly prisma: PrismaService,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: SmsMessage): Promise<'sent' | 'already-sent'> {
    const done = await this.prisma.outboundMessage.findUnique({ where: { key: message.idempotencyKey } });
    if (done) return 'already-sent';
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': message.idempotencyKey,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to: message.phone, from: this.sender, text: displayText(message.text) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    await this.prisma.outboundMessage.upsert({
      where: { key: message.idempotencyKey },
      create: { key: message.idempotencyKey, channel: 'SMS', recipient: message.recipientForLog, template: message.template },
      update: {},
    });
    return 'sent';
  }
}
