import { Injectable } from '@nestjs/common';
import { PasswordHasher } from '../../../../libs/infra/src/crypto/password-hasher';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import type { ClientInfo } from '../login-protection/client-info';
import { LoginThrottle } from '../login-protection/login-throttle.service';
import { SIGNED_IN_USER } from './sign-in';
import { SignInOutcome } from './sign-in-outcome.service';

/**
 * Sign-in by login and password (§1.16, §1.17, §2.9). Every path hashes once —
 * a dummy for unknown logins, the real hash otherwise, even when the user may
 * not sign in — so failures look and last alike whatever their reason. The hash
 * is weighed outside any transaction (on libuv's pool, see thread-pool.ts); the
 * outcome is then settled in one (SignInOutcome.settle).
 */
@Injectable()
export class PasswordLoginService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly outcome: SignInOutcome,
  ) {}

  async login(login: string, password: string, client: ClientInfo) {
    await this.throttle.admitAddress(client.address);
    const user = await this.prisma.user.findUnique({ where: { login }, select: { ...SIGNED_IN_USER, passwordHash: true } });
    if (!user?.passwordHash) {
      await this.hasher.verifyDummy(password);
      return this.outcome.refuse(user, 'PASSWORD', user ? 'NOT_REGISTERED' : 'UNKNOWN_LOGIN', client);
    }
    const correct = await this.hasher.verify(user.passwordHash, password);
    return this.outcome.settle(user, 'PASSWORD', { correct, wrongReason: 'WRONG_PASSWORD' }, client);
  }
}
