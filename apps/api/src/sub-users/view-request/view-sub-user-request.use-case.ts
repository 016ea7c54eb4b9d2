import { Injectable } from '@nestjs/common';
import { success, type Outcome } from '@domain/refusal';
import type { CabinetActor } from '../../auth/cabinet-actor';
import { presentRequest } from '../sub-user-request.mapper';
import { SubUserRequestRepository } from '../sub-user-request.repository';

/** Where the creator's partner's request is (§1.8.2–§1.8.4); another partner's request is a 404. */
@Injectable()
export class ViewSubUserRequestUseCase {
  constructor(private readonly requests: SubUserRequestRepository) {}

  async execute(actor: CabinetActor, requestId: string): Promise<Outcome<ReturnType<typeof presentRequest>>> {
    const found = await this.requests.find(requestId, actor.partnerId);
    if (!found.ok) return found;
    return success(presentRequest(found.value, await this.requests.live(found.value)));
  }
}
