import type { BenchContext } from './context';
import { finishRegistrations, invitePartner, requestCodes, signIn, type BenchPartner } from './partners';

export interface ActivePartner extends BenchPartner {
  /** One session key per user, same order as `users`. */
  sessions: string[];
}

const cache = new WeakMap<BenchContext, Promise<ActivePartner>>();

/**
 * A partner whose users are all registered and signed in, shared by the payment
 * and read benchmarks (the reads then list the documents the payments created).
 */
export function activePartner(ctx: BenchContext, users = 20): Promise<ActivePartner> {
  let found = cache.get(ctx);
  if (!found) {
    found = (async () => {
      const partner = await invitePartner(ctx.stack, users);
      await requestCodes(ctx.stack, ctx.mail, partner.users);
      await finishRegistrations(ctx.stack, partner.users);
      const sessions: string[] = [];
      for (const user of partner.users) sessions.push(await signIn(ctx.stack, user));
      return { ...partner, sessions };
    })();
    cache.set(ctx, found);
  }
  return found;
}
