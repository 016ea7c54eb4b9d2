import { join } from 'node:path';
import { ROOT } from './temporal';
import { portOpen, startProcess, waitFor, type Managed } from './processes';

/** Starts MailDev (npm `maildev`): the development mail catcher for e-mails and SMS-as-mail. */
export async function startMailDev(opts: { smtpPort: number; webPort: number; mailDir: string; logFile: string; echo?: boolean }): Promise<Managed> {
  for (const port of [opts.smtpPort, opts.webPort]) {
    if (await portOpen(port)) throw new Error(`port ${port} is taken; is a mail catcher already running?`);
  }
  const bin = join(ROOT, 'node_modules', '.bin', 'maildev');
  const args = ['--smtp', String(opts.smtpPort), '--web', String(opts.webPort), '--ip', '127.0.0.1'];
  args.push('--web-ip', '127.0.0.1', '--mail-directory', opts.mailDir);
  const managed = startProcess('maildev', bin, args, { logFile: opts.logFile, echo: opts.echo });
  await waitFor(`MailDev on ${opts.webPort}`, async () => {
    const res = await fetch(`http://127.0.0.1:${opts.webPort}/api/healthz`);
    return res.ok;
  });
  return managed;
}
