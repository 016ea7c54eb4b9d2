import { Injectable } from '@nestjs/common';
import { success, type Outcome } from '@domain/refusal';
import type { SubUserRequestStatus } from '@domain/sub-user-request';
import { rejectUpdate } from '@workflows/sub-user-request/sub-user-request.messages';
import { SubUserRequestRepository } from '../sub-user-request.repository';

/**
 * §1.8.3: an operator rejects a request with a reason, shown to the partner and
 * kept in the audit trail (§1.15) by the workflow's write of the decision.
 */
@Injectable()
export class RejectSubUserRequestUseCase {
  constructor(private readonly requests: SubUserRequestRepository) {}

  async execute(requestId: string, operatorId: string, reason: string): Promise<Outcome<{ requestId: string; status: SubUserRequestStatus }>> {
    const found = await this.requests.find(requestId);
    if (!found.ok) return found;
    const result = await this.requests.update(found.value, rejectUpdate, [{ operatorId, reason }]);
    return result.ok ? success({ requestId, status: result.value.status }) : result;
  }
}
