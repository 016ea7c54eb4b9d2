import { createTransport, type Transporter } from 'nodemailer';
import type { PrismaService } from '../prisma/prisma.service';

export interface MailMessage {
  /** Unique per logical message; a retried send with the same key is not sent again. */
  idempotencyKey: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Template name, kept in the delivery log instead of the body (bodies may hold secrets). */
  template: string;
  /** What the delivery log records as the recipient (masked). */
  recipientForLog: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/**
 * Sends mail over SMTP (nodemailer), at least once and, short of a crash between
 * the SMTP hand-off and the log write, exactly once: the delivery log is checked
 * before and written after. The Message-ID derives from the idempotency key so a
 * receiving system can drop the rare duplicate.
 */
export class Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly prisma: PrismaService,
    private readonly channel: 'EMAIL' | 'SMS' = 'EMAIL',
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<'sent' | 'already-sent'> {
    const done = await this.prisma.outboundMessage.findUnique({ where: { key: message.idempotencyKey } });
    if (done) return 'already-sent';
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      attachments: message.attachments,
      messageId: `<${message.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '.')}@bank-flows>`,
    });
    await this.prisma.outboundMessage.upsert({
      where: { key: message.idempotencyKey },
      create: { key: message.idempotencyKey, channel: this.channel, recipient: message.recipientForLog, template: message.template },
      update: {},
    });
    return 'sent';
  }

  async verify(): Promise<boolean> {
    return this.transport.verify();
  }

  close(): void {
    this.transport.close();
  }
}
