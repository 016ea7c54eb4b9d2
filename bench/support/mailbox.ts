import { until } from './http';

interface Mail {
  id: string;
  text: string;
  to: { address: string }[];
  time: string;
}

/**
 * Reads links and SMS codes from MailDev's HTTP API in bulk, as the benchmark's
 * set-up registers hundreds of users at once. Read mails are deleted so the next
 * listing stays small.
 */
export class Mailbox {
  constructor(private readonly url: string) {}

  private async list(): Promise<Mail[]> {
    const res = await fetch(`${this.url}/api/email`, { signal: AbortSignal.timeout(60_000) });
    return (await res.json()) as Mail[];
  }

  async clear(): Promise<void> {
    await fetch(`${this.url}/api/email/all`, { method: 'DELETE' });
  }

  /** Waits until every address has a message matching `pattern`; returns the first capture per address. */
  async collect(addresses: string[], pattern: RegExp, timeoutMs: number): Promise<Map<string, string>> {
    const wanted = new Set(addresses.map((a) => a.toLowerCase()));
    const found = new Map<string, string>();
    await until(
      `${wanted.size} messages`,
      async () => {
        for (const mail of await this.list()) {
          const match = pattern.exec(mail.text);
          for (const to of mail.to) {
            const address = to.address.toLowerCase();
            if (match && wanted.has(address) && !found.has(address)) found.set(address, match[1]!);
          }
        }
        return found.size >= wanted.size ? true : undefined;
      },
      timeoutMs,
      1000,
    );
    return found;
  }

  /** Registration link tokens by e-mail address. */
  linkTokens(emails: string[], timeoutMs = 300_000): Promise<Map<string, string>> {
    return this.collect(emails, /\/register\/([A-Za-z0-9_-]{43})/, timeoutMs);
  }

  /** The 6-digit SMS codes by phone (E.164). */
  async smsCodes(phones: string[], timeoutMs = 300_000): Promise<Map<string, string>> {
    const byAddress = await this.collect(phones.map(smsAddress), /\b(\d{6})\b/, timeoutMs);
    return new Map(phones.map((p) => [p, byAddress.get(smsAddress(p))!]));
  }
}

export const smsAddress = (phone: string) => `${phone.replace(/\D/g, '')}@sms.localhost`;
