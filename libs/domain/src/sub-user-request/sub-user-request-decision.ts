import { decideChallenge, isChallengeFinal } from '../challenge/challenge.decide';
import type { DomainError } from '../domain-error';
import type { MachineState } from '../machine-state';
import type { SubUserRequest, SubUserRequestDecision, SubUserRequestEffect } from './sub-user-request.aggregate.types';
import { decideSubUserRequest, isSubUserRequestFinal } from './sub-user-request.decide';
import type { SubUserRequestContext, SubUserRequestEvent } from './sub-user-request.types';

export const accepted = (state: SubUserRequest, effects: SubUserRequestEffect[] = []): SubUserRequestDecision => ({ ok: true, state, effects });
export const refused = (error: DomainError): SubUserRequestDecision => ({ ok: false, error });

export const iso = (ms: number): string => new Date(ms).toISOString();

/** §1.13: the code is bound to this request and to the user whose phone received it. */
export const codeBinding = (s: SubUserRequest, userId: string) => ({ requestId: s.requestId, userId });

/**
 * The request machine's next state, with what the agreement ties to it: a request that ends
 * takes its open code with it, so no code outlives what it was sent to confirm.
 */
export const moveRequest = (s: SubUserRequest, next: MachineState<SubUserRequestContext>): SubUserRequest => {
  const moved: SubUserRequest = { ...s, request: next };
  if (!isSubUserRequestFinal(next) || isChallengeFinal(s.code.state)) return moved;
  const cancelled = decideChallenge(s.code.state, { type: 'CANCEL', reason: 'REQUEST_ENDED' });
  return cancelled.ok ? { ...moved, code: { ...s.code, state: cancelled.state } } : moved;
};

/**
 * One machine step and the write it calls for. A request that ends while its new user is
 * registering cancels that registration first (§1.8.4: it must not complete for a dead request).
 */
export const step = (s: SubUserRequest, event: SubUserRequestEvent, before: SubUserRequestEffect[] = []): SubUserRequestDecision => {
  const d = decideSubUserRequest(s.request, event);
  if (!d.ok) return refused(d.error);
  const next = moveRequest(s, d.state);
  const registering = s.newUser?.stage === 'REGISTERING' && isSubUserRequestFinal(d.state);
  const cancel: SubUserRequestEffect[] = registering ? [{ type: 'CANCEL_REGISTRATION', userId: s.newUser!.userId }] : [];
  return accepted(next, [...before, ...cancel, { type: 'RECORD' }]);
};
