import { HttpException, Injectable } from '@nestjs/common';
import { checkPassword, DEFAULT_PASSWORD_POLICY } from '../../../../libs/domain/src/password-policy';
import { PasswordHasher } from '../../../../libs/infra/src/crypto/password-hasher';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { problem } from '../common/problem';

/**
 * A new password for an existing user (change and recovery, §1.10, §1.12): the
 * domain policy decides, including "not one of the last N" — which only this
 * side can tell, since only it holds the hashes.
 */
@Injectable()
export class PasswordRules {
  constructor(
    private readonly prisma: PrismaService,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Throws a 400 listing every unmet rule under `field`; otherwise returns the new argon2id hash. */
  async acceptableHash(user: { id: string; login: string }, password: string, field: string): Promise<string> {
    const history = await this.prisma.passwordHistory.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: 'desc' },
      take: DEFAULT_PASSWORD_POLICY.historySize,
    });
    let reused = false;
    for (const old of history) if (await this.hasher.verify(old.hash, password)) reused = true;
    const problems = checkPassword(password, { login: user.login, reusesRecentPassword: reused });
    if (problems.length) {
      throw new HttpException(
        problem(400, `the password does not meet ${problems.length} rule${problems.length === 1 ? '' : 's'}`, {
          code: 'PASSWORD.POLICY',
          errors: problems.map((p) => ({ path: field, message: p.message, code: p.code })),
        }),
        400,
      );
    }
    return this.hasher.hash(password);
  }
}
