import { Injectable } from '@nestjs/common';
import { refused, type Outcome } from '@domain/refusal';
import { PasswordHasher } from '@infra/crypto/password-hasher';
import { PrismaService } from '@infra/prisma/prisma.service';
import type { ClientInfo } from '../../common/client-info';
import { LoginThrottle } from '../protection/login-throttle.service';
import { SIGNED_IN_USER, type SignedIn } from '../sign-in/sign-in';
import { SignInOutcome } from '../sign-in/sign-in-outcome.service';

export interface PasswordLogin {
  login: string;
  password: string;
  client: ClientInfo;
}

/**
 * Sign-in by login and password (§1.16, §1.17, §2.9). Every path hashes once —
 * a dummy for unknown logins, the real hash otherwise, even when the user may
 * not sign in — so failures look and last alike whatever their reason. The hash
 * is weighed outside any transaction (on libuv's pool, see thread-pool.ts); the
 * outcome is then settled in one (SignInOutcome.settle).
 */
@Injectable()
export class PasswordLoginUseCase {
  constructor(
    private readonly prisma: PrismaService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly outcome: SignInOutcome,
  ) {}

  async execute({ login, password, client }: PasswordLogin): Promise<Outcome<SignedIn>> {
    const busy = await this.throttle.admitAddress(client.address);
    if (busy) return refused(busy);
    const user = await this.prisma.user.findUnique({ where: { login }, select: { ...SIGNED_IN_USER, passwordHash: true } });
    if (!user?.passwordHash) {
      await this.hasher.verifyDummy(password);
      return this.outcome.refuse(user, 'PASSWORD', user ? 'NOT_REGISTERED' : 'UNKNOWN_LOGIN', client);
    }
    const correct = await this.hasher.verify(user.passwordHash, password);
    return this.outcome.settle(user, 'PASSWORD', { correct, wrongReason: 'WRONG_PASSWORD' }, client);
  }
}
