import { readTestStack } from '../setup/test-stack';
import { eventually } from './harness';

interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  to: { address: string }[];
  time: string;
}

/** Reads e-mails and SMS from MailDev's HTTP API, as a person would read them in the catcher. */
export class MailCatcher {
  /** The test stack's MailDev, or a spec's own (the chaos specs stop and restart theirs). */
  constructor(private readonly url = readTestStack().mailApiUrl) {}

  async all(): Promise<CaughtMail[]> {
    const res = await fetch(`${this.url}/api/email`);
    return (await res.json()) as CaughtMail[];
  }

  async to(address: string): Promise<CaughtMail[]> {
    const wanted = address.toLowerCase();
    return (await this.all()).filter((m) => m.to.some((t) => t.address.toLowerCase() === wanted));
  }

  /** Waits until `address` has received at least `count` messages; returns them oldest first. */
  async waitFor(address: string, count = 1, timeoutMs = 20_000): Promise<CaughtMail[]> {
    return eventually(
      `${count} message(s) to ${address}`,
      async () => {
        const mails = await this.to(address);
        return mails.length >= count ? mails.sort((a, b) => a.time.localeCompare(b.time)) : undefined;
      },
      timeoutMs,
    );
  }

  /**
   * Waits until `address` has received `count` messages whose text matches `pattern`;
   * returns those, oldest first. Messages sent by concurrent flows (a lock notice
   * next to a recovery link) arrive in no fixed order, so specs pick theirs by content.
   */
  async waitForMatching(address: string, pattern: RegExp, count = 1, timeoutMs = 20_000): Promise<CaughtMail[]> {
    return eventually(
      `${count} message(s) matching ${pattern} to ${address}`,
      async () => {
        const mails = (await this.to(address)).filter((m) => pattern.test(m.text));
        return mails.length >= count ? mails.sort((a, b) => a.time.localeCompare(b.time)) : undefined;
      },
      timeoutMs,
    );
  }

  /** The token of the `nth` `kind` link sent to `email`, whatever other mail came in between. */
  async nthLinkToken(email: string, kind: 'register' | 'recover', nth = 1): Promise<string> {
    const link = new RegExp(`/${kind}/([A-Za-z0-9_-]{43})`);
    const mails = await this.waitForMatching(email, link, nth);
    return link.exec(mails[nth - 1]!.text)![1]!;
  }

  /** The code of the `nth` SMS carrying a 6-digit code to an E.164 phone; notices without a code don't count. */
  async nthSmsCode(phone: string, nth = 1): Promise<string> {
    const code = /\b(\d{6})\b/;
    const mails = await this.waitForMatching(`${phone.replace(/\D/g, '')}@sms.localhost`, code, nth);
    return code.exec(mails[nth - 1]!.text)![1]!;
  }

  /** The registration/recovery token in the newest link sent to `email`. */
  async linkToken(email: string, kind: 'register' | 'recover' = 'register', count = 1): Promise<string> {
    const mails = await this.waitFor(email, count);
    const match = new RegExp(`/${kind}/([A-Za-z0-9_-]{43})`).exec(mails[count - 1]!.text);
    if (!match) throw new Error(`no ${kind} link in the mail to ${email}`);
    return match[1]!;
  }

  /** The 6-digit code of the `count`-th SMS to an E.164 phone. */
  async smsCode(phone: string, count = 1): Promise<string> {
    const mails = await this.waitFor(`${phone.replace(/\D/g, '')}@sms.localhost`, count);
    const match = /\b(\d{6})\b/.exec(mails[count - 1]!.text);
    if (!match) throw new Error(`no code in SMS to ${phone}`);
    return match[1]!;
  }
}
