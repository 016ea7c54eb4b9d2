import { isSubUserCheckFailure } from '@domain/sub-user-request';
import { maskEmail, type Email } from '@domain/values/email.value-object';
import type { Mailer } from '@infra/messaging/mailer';
import type { PrismaService } from '@infra/prisma/prisma.service';
import { subUserRejectedMail } from '../messages/sub-user-templates';

/**
 * §1.8.3: the creator learns by e-mail that the bank rejected their request, whether an
 * operator or the checks did. Keyed by the request, so a retried or repeated record of the
 * rejection mails once; a creator blocked since (§1.14) is not written to.
 */
export async function mailSubUserRejection(prisma: PrismaService, mailer: Mailer, requestId: string): Promise<void> {
  const request = await prisma.subUserRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      status: true,
      fullName: true,
      rejectReason: true,
      creator: { select: { login: true, fullName: true, language: true, status: true } },
      partner: { select: { name: true } },
    },
  });
  if (request.status !== 'REJECTED' || request.creator.status === 'BLOCKED') return;
  const reason = request.rejectReason;
  const mail = subUserRejectedMail(request.creator.language, {
    fullName: request.creator.fullName,
    organisation: request.partner.name,
    newUserName: request.fullName,
    operatorReason: reason !== null && !isSubUserCheckFailure(reason) ? reason : null,
  });
  await mailer.send({
    idempotencyKey: `sub-user-request-${requestId}/rejected`,
    to: request.creator.login,
    ...mail,
    template: 'sub-user-rejected',
    recipientForLog: maskEmail(request.creator.login as Email),
  });
}
