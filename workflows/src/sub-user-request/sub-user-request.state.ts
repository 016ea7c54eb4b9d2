import { decideChallenge, initialChallengeState, isChallengeFinal, type ChallengeContext, type ChallengeEvent } from '../../../libs/domain/src/challenge';
import { domainError } from '../../../libs/domain/src/domain-error';
import type { MachineState } from '../../../libs/domain/src/machine-state';
import {
  decideSubUserRequest,
  isSubUserRequestFinal,
  startSubUserRequest,
  subUserRequestStatus,
  type SubUserCheckFlag,
  type SubUserRequestContext,
  type SubUserRequestEvent,
} from '../../../libs/domain/src/sub-user-request';
import { refusal } from '../shared/refusal';
import type { RegistrationView } from '../registration/registration.messages';
import { CODE_NO, type CreatorCodeCheck, type CreatorCodeCheckResult, type SubUserRequestInput, type SubUserRequestView } from './sub-user-request.messages';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The request machine and its §1.8.2 code challenge, as the workflow keeps them.
 * Every change goes through the domain's decide functions; a refusal throws the
 * domain error as an ApplicationFailure, which an Update validator hands back to
 * the REST caller as-is. `changes` counts changes so the workflow can wait on it.
 */
export class SubUserRequestState {
  request: MachineState<SubUserRequestContext>;
  challenge: MachineState<ChallengeContext> | null = null;
  reviewFlags: SubUserCheckFlag[] = [];
  operatorDeadline: number | null = null;
  registrationStatus: RegistrationView['status'] | null = null;
  changes = 0;

  constructor(
    private readonly input: SubUserRequestInput,
    at: number,
  ) {
    const started = startSubUserRequest({ creator: input.creator, at });
    if (!started.ok) throw refusal(started.error);
    this.request = started.state;
  }

  get value(): string {
    return this.request.value;
  }

  get final(): boolean {
    return isSubUserRequestFinal(this.request);
  }

  /** Validator use: throws when the machine would refuse. */
  check(event: SubUserRequestEvent): MachineState<SubUserRequestContext> {
    const decision = decideSubUserRequest(this.request, event);
    if (!decision.ok) throw refusal(decision.error);
    return decision.state;
  }

  apply(event: SubUserRequestEvent): void {
    this.request = this.check(event);
    // §1.8.3: the operator's deadline runs from the moment the request starts to wait.
    if (this.request.value === 'awaitingOperator' && this.operatorDeadline === null && 'at' in event) {
      this.operatorDeadline = event.at + this.input.operatorTtlMs;
    }
    if (this.final && this.challenge && !isChallengeFinal(this.challenge)) {
      this.challenge = this.checkChallenge({ type: 'CANCEL', reason: 'REQUEST_ENDED' });
    }
    this.changes++;
  }

  issueCode(at: number): void {
    this.challenge = initialChallengeState({
      purpose: 'SUB_USER',
      binding: this.binding(this.input.creator.userId),
      issuedAt: at,
      ttlMs: this.input.code.ttlMs,
      maxAttempts: this.input.code.maxAttempts,
    });
    this.changes++;
  }

  get codeDeadline(): number {
    return this.challenge?.context.expiresAt ?? 0;
  }

  /** Who presents the code first (the creator, still allowed), then whether it may be weighed. */
  validateConfirm(check: CreatorCodeCheck, at: number): void {
    this.check({ type: 'CREATOR_CONFIRMED', actor: check.actor, at });
    if (!this.challenge || check.codeNo !== CODE_NO) {
      throw refusal(domainError('SUB_USER_REQUEST.NO_CODE', 'CONFLICT', 'No such confirmation code for this request.'));
    }
    this.checkChallenge(this.codeChecked(check, at));
  }

  confirm(check: CreatorCodeCheck, at: number): CreatorCodeCheckResult {
    this.challenge = this.checkChallenge(this.codeChecked(check, at));
    this.changes++;
    if (this.challenge.value === 'verified') this.apply({ type: 'CREATOR_CONFIRMED', actor: check.actor, at });
    else if (this.challenge.value === 'locked') this.apply({ type: 'CANCEL', reason: 'CODE_LOCKED' });
    return { status: subUserRequestStatus(this.request), attemptsLeft: this.challenge.context.attemptsLeft };
  }

  /** The code's lifetime is over (§1.11): the challenge and the request expire together. */
  expireCode(at: number): void {
    if (this.challenge) this.challenge = this.checkChallenge({ type: 'EXPIRED', at });
    this.apply({ type: 'EXPIRED', at });
  }

  view(): SubUserRequestView {
    const c = this.request.context;
    return {
      requestId: this.input.requestId,
      status: subUserRequestStatus(this.request),
      codeExpiresAt: iso(this.challenge?.context.expiresAt ?? null),
      attemptsLeft: this.challenge?.context.attemptsLeft ?? null,
      reviewFlags: [...this.reviewFlags],
      operatorDeadline: iso(this.operatorDeadline),
      operatorId: c.operatorId,
      newUserId: c.newUserId,
      registrationStatus: this.registrationStatus,
      rejectReason: c.rejectReason,
      cancelReason: c.cancelReason,
      machine: { request: this.request, challenge: this.challenge },
    };
  }

  /** §1.13: the code is bound to this request and to the user whose phone received it. */
  private binding(userId: string) {
    return { requestId: this.input.requestId, userId };
  }

  private codeChecked(check: CreatorCodeCheck, at: number): ChallengeEvent {
    return { type: 'CODE_CHECKED', purpose: 'SUB_USER', binding: this.binding(check.actor.userId), correct: check.correct, at };
  }

  private checkChallenge(event: ChallengeEvent): MachineState<ChallengeContext> {
    const decision = decideChallenge(this.challenge!, event);
    if (!decision.ok) throw refusal(decision.error);
    return decision.state;
  }
}
