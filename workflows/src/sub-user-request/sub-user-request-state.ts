import {
  decideSubUserRequestCommand,
  isSubUserRequestOver,
  startSubUserRequestAggregate,
  subUserRequestProjection,
  type SubUserRequest,
  type SubUserRequestCommand,
  type SubUserRequestEffect,
} from '@domain/sub-user-request';
import { refusal } from '../shared/refusal';
import type { CreatorCodeCheck, SubUserRequestInput, SubUserRequestView } from './sub-user-request.messages';

/**
 * Where the workflow keeps the sub-user request aggregate's value (libs/domain): it is only ever
 * replaced by a decision's state. A refusal throws the domain error as an ApplicationFailure,
 * which an Update validator hands back to the REST caller as-is. `changes` grows with every
 * replacement so the main loop can wait on one.
 */
export class SubUserRequestHolder {
  private current: SubUserRequest;
  /** What starting the request calls for (the code to send, the first write). */
  readonly startEffects: readonly SubUserRequestEffect[];
  changes = 0;

  constructor(
    private readonly input: SubUserRequestInput,
    at: number,
  ) {
    const started = startSubUserRequestAggregate({
      requestId: input.requestId,
      creator: input.creator,
      terms: { codeTtlMs: input.code.ttlMs, codeMaxAttempts: input.code.maxAttempts, operatorTtlMs: input.operatorTtlMs, policy: input.policy },
      at,
    });
    if (!started.ok) throw refusal(started.error);
    this.current = started.state;
    this.startEffects = started.effects;
  }

  get request(): SubUserRequest {
    return this.current;
  }

  get final(): boolean {
    return isSubUserRequestOver(this.current);
  }

  /** Validator use: throws when the aggregate would refuse, changes nothing. */
  check(command: SubUserRequestCommand): void {
    const decision = decideSubUserRequestCommand(this.current, command);
    if (!decision.ok) throw refusal(decision.error);
  }

  /** Decides, keeps the new state, and returns the effects to carry out. */
  take(command: SubUserRequestCommand): SubUserRequestEffect[] {
    const decision = decideSubUserRequestCommand(this.current, command);
    if (!decision.ok) throw refusal(decision.error);
    if (decision.state !== this.current) {
      this.current = decision.state;
      this.changes++;
    }
    return decision.effects;
  }

  view(): SubUserRequestView {
    const s = this.current;
    const { state: _state, ...row } = subUserRequestProjection(s);
    return {
      requestId: this.input.requestId,
      ...row,
      attemptsLeft: s.code.state.context.attemptsLeft,
      registrationStatus: s.newUser?.registrationStatus ?? null,
      machine: { request: s.request, challenge: s.code.state },
    };
  }
}

/** The creator's code verdict as the aggregate's command. */
export const checkCode = ({ codeNo, correct, actor }: CreatorCodeCheck, at: number): SubUserRequestCommand => ({ type: 'CHECK_CODE', actor, codeNo, correct, at });
