import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { maskPhone, type Phone } from '@domain/values/phone.value-object';
import { codeScope } from '../crypto/scopes';
import { SecretKeys, digestsEqual } from '../crypto/secret-keys';
import { codesSent } from '../observability/metrics';
import type { SmsSender } from '../messaging/sms';
import { PrismaService } from '../prisma/prisma.service';
import { SMS_SENDER } from '../tokens';

export type CodePurpose = 'REGISTRATION' | 'LOGIN' | 'SUB_USER' | 'PAYMENT' | 'POLICY_CHANGE' | 'RECOVERY';

/**
 * One-time SMS codes for every flow (§1.4, §1.7, §1.8.2, §1.13). A code is
 * identified by (scope, codeNo): scope is the owning workflow id (or challenge id).
 * The worker issues (derives, stores the HMAC, sends); the API checks and hands
 * the workflow only the verdict. No code is ever stored or logged in clear.
 */
@Injectable()
export class OneTimeCodes {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keys: SecretKeys,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
  ) {}

  /** Idempotent: a retry derives the same code, keeps the same row and does not send twice. */
  async issue(input: {
    scope: string;
    codeNo: number;
    purpose: CodePurpose;
    phone: string;
    expiresAt: Date;
    /** Builds the SMS text around the code (short; never the login). */
    text: (code: string) => string;
  }): Promise<void> {
    const fullScope = codeScope(input.scope, input.codeNo);
    const code = this.keys.deriveCode(fullScope);
    await this.prisma.oneTimeCode.upsert({
      where: { scope_codeNo: { scope: input.scope, codeNo: input.codeNo } },
      create: {
        id: randomUUID(),
        scope: input.scope,
        codeNo: input.codeNo,
        purpose: input.purpose,
        codeHash: this.keys.hashCode(fullScope, code),
        expiresAt: input.expiresAt,
      },
      update: {},
    });
    await this.sms.send({
      idempotencyKey: fullScope,
      phone: input.phone,
      text: input.text(code),
      template: `${input.purpose.toLowerCase()}-code`,
      recipientForLog: maskPhone(input.phone as Phone),
    });
    codesSent.inc({ purpose: input.purpose });
  }

  /**
   * Checks `code` against the newest code of `scope` (or a given codeNo), in
   * constant time. Null when no code was issued. Expiry and attempt limits are
   * the workflow's and the domain's business, not this lookup's.
   */
  async check(scope: string, code: string, codeNo?: number): Promise<{ codeNo: number; correct: boolean } | null> {
    const row = await this.prisma.oneTimeCode.findFirst({
      where: { scope, ...(codeNo === undefined ? {} : { codeNo }) },
      orderBy: { codeNo: 'desc' },
    });
    if (!row) return null;
    const correct = digestsEqual(this.keys.hashCode(codeScope(scope, row.codeNo), code), row.codeHash);
    return { codeNo: row.codeNo, correct };
  }
}
