import { Injectable } from '@nestjs/common';
import { success, type Outcome } from '@domain/refusal';
import type { SubUserRequestStatus } from '@domain/sub-user-request';
import { approveUpdate } from '@workflows/sub-user-request/sub-user-request.messages';
import { SubUserRequestRepository } from '../sub-user-request.repository';

/**
 * §1.8.3: an operator approves a request the checks sent them. The workflow's
 * write of the decision records it, in the same transaction (recordSubUserRequest).
 */
@Injectable()
export class ApproveSubUserRequestUseCase {
  constructor(private readonly requests: SubUserRequestRepository) {}

  async execute(requestId: string, operatorId: string): Promise<Outcome<{ requestId: string; status: SubUserRequestStatus }>> {
    const found = await this.requests.find(requestId);
    if (!found.ok) return found;
    const result = await this.requests.update(found.value, approveUpdate, [{ operatorId }]);
    return result.ok ? success({ requestId, status: result.value.status }) : result;
  }
}
