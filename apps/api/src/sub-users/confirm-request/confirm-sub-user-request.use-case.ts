import { Injectable } from '@nestjs/common';
import { domainError } from '@domain/domain-error';
import { refused, success, wrongCodeRefusal, type Outcome } from '@domain/refusal';
import { SUB_USER_REQUEST_FLOW, SubUserRequestErrorCode, type SubUserRequestStatus } from '@domain/sub-user-request';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import { CODE_NO, confirmUpdate } from '@workflows/sub-user-request/sub-user-request.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import { SubUserRequestRepository } from '../sub-user-request.repository';

/**
 * Not the domain's `noCode()`: the API has always answered this with the request's
 * `state` and this wording (test/contract), which that error does not carry.
 */
const noCodeSent = (state: string) => domainError(SubUserRequestErrorCode.NO_CODE, 'CONFLICT', 'No confirmation code was sent for this request.', { state });

/**
 * §1.8.2: the creator confirms the request with the SMS code. The code is checked
 * here against its HMAC; the workflow hears only the verdict and who gave it, and
 * counts the attempts (§1.11: the last wrong one cancels the request).
 */
@Injectable()
export class ConfirmSubUserRequestUseCase {
  constructor(
    private readonly requests: SubUserRequestRepository,
    private readonly codes: OneTimeCodes,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: CabinetActor, requestId: string, code: string, caller: ClientInfo): Promise<Outcome<{ status: SubUserRequestStatus }>> {
    const found = await this.requests.find(requestId, actor.partnerId);
    if (!found.ok) return found;
    const row = found.value;
    const verdict = await this.codes.check(row.workflowId, code, CODE_NO);
    if (!verdict) return refused(noCodeSent(row.status));
    const who = { userId: actor.userId, partnerId: actor.partnerId, accessLevel: actor.accessLevel, status: actor.status };
    const result = await this.requests.update(row, confirmUpdate, [{ codeNo: verdict.codeNo, correct: verdict.correct, actor: who }]);
    if (!result.ok) return result;
    const { status, attemptsLeft } = result.value;
    // A confirmation is recorded with the request's next state, by the workflow's write of it.
    if (verdict.correct) return success({ status });
    await this.audit.alone({
      by: { userId: actor.userId, partnerId: actor.partnerId },
      caller,
      action: 'sub_user_request.confirm',
      target: { type: 'SUB_USER_REQUEST', id: requestId },
      outcome: 'FAILURE',
      details: { code: 'SUB_USER_REQUEST.WRONG_CODE', attemptsLeft, status },
    });
    return refused(
      wrongCodeRefusal(
        SUB_USER_REQUEST_FLOW,
        { attemptsLeft, locked: status !== 'AWAITING_CONFIRMATION', state: status },
        { wrong: 'wrong code', locked: 'wrong code; too many wrong codes, the request is cancelled', field: 'wrong code' },
      ),
    );
  }
}
