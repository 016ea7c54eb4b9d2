import { Injectable } from '@nestjs/common';
import { domainError } from '@domain/domain-error';
import { checkPassword, DEFAULT_PASSWORD_POLICY, type PasswordProblem } from '@domain/password-policy';
import { fieldRefusal, refused, success, type Outcome } from '@domain/refusal';
import { PasswordHasher } from '@infra/crypto/password-hasher';
import { PrismaService } from '@infra/prisma/prisma.service';

/**
 * A new password for a user (registration, change and recovery, §1.7, §1.10, §1.12):
 * the domain policy decides, including "not one of the last N" — which only this
 * side can tell, since only it holds the hashes.
 */
@Injectable()
export class PasswordRules {
  constructor(
    private readonly prisma: PrismaService,
    private readonly hasher: PasswordHasher,
  ) {}

  /** The new argon2id hash, or PASSWORD.POLICY listing every unmet rule under `field`. */
  async acceptableHash(user: { id: string; login: string }, password: string, field: string): Promise<Outcome<string>> {
    const history = await this.prisma.passwordHistory.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: 'desc' },
      take: DEFAULT_PASSWORD_POLICY.historySize,
    });
    let reused = false;
    for (const old of history) if (await this.hasher.verify(old.hash, password)) reused = true;
    const problems = checkPassword(password, { login: user.login, reusesRecentPassword: reused });
    return problems.length ? refused(passwordRefused(problems, field)) : success(await this.hasher.hash(password));
  }
}

const passwordRefused = (problems: readonly PasswordProblem[], field: string) =>
  fieldRefusal(
    domainError('PASSWORD.POLICY', 'INVALID', `the password does not meet ${problems.length} rule${problems.length === 1 ? '' : 's'}`),
    problems.map((p) => ({ path: field, message: p.message, code: p.code })),
  );
