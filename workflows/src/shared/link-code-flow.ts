import { allHandlersFinished, condition, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { decideRegistration, initialRegistrationState, isRegistrationFinal, type RegistrationEvent } from '@domain/registration';
import { showLinkCodeStep } from './current-details';
import { refusal } from './refusal';
import { FlowStatus, UserIds } from './search-attributes';
import { BY_FLOW, byUser, type TransitionActor } from './transition-trail';
import { userBlockedSignal } from './user-blocked';
import type { LinkCodeFlow, LinkCodeTransition, LinkCodeView } from './link-code-flow.types';

/** Steps only the user can take, through the link they received. */
const BY_LINK = new Set<string>(['CODE_REQUESTED', 'CODE_CHECKED', 'PASSWORD_SET']);

/**
 * An e-mailed link, SMS codes on request with the API's verdict on each, then a
 * password (§1.5–§1.7, §1.12): the registration machine decides every step, the
 * link and each code expire by timers here. Returns the final status.
 */
export async function runLinkCodeFlow<S extends string, R extends string>(flow: LinkCodeFlow<S, R>): Promise<S> {
  const { expiresAt, messages } = flow;
  const { maxAttempts, codeTtlMs, resendCooldownMs } = flow.lifetimes;
  let state = initialRegistrationState({ maxAttempts, codeTtlMs, resendCooldownMs });
  let changes = 0;
  let lastEvent = 'START';
  const actorOf = (event: string): TransitionActor => (BY_LINK.has(event) ? byUser(flow.userId) : BY_FLOW);
  flow.stepped?.(flow.status(state), lastEvent, BY_FLOW);
  showLinkCodeStep(state, flow.status(state), expiresAt);

  const decide = (event: RegistrationEvent) => {
    const decision = decideRegistration(state, event);
    if (!decision.ok) throw refusal(decision.error);
    return decision.state;
  };
  const apply = (event: RegistrationEvent) => {
    state = decide(event);
    changes++;
    lastEvent = event.type;
    flow.stepped?.(flow.status(state), event.type, actorOf(event.type));
    showLinkCodeStep(state, flow.status(state), expiresAt);
  };
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const view = (): LinkCodeView<S> => ({
    status: flow.status(state),
    expiresAt: new Date(expiresAt).toISOString(),
    codeExpiresAt: iso(state.context.codeExpiresAt),
    resendAvailableAt: iso(state.context.resendAvailableAt),
    attemptsLeft: state.context.attemptsLeft,
    codesIssued: state.context.codesIssued,
  });

  setHandler(messages.state, view);
  setHandler(
    messages.requestCode,
    async () => {
      apply({ type: 'CODE_REQUESTED', at: Date.now() });
      const codeNo = state.context.codesIssued;
      const codeExpiresAt = new Date(state.context.codeExpiresAt!).toISOString();
      await flow.sendCode(codeNo, codeExpiresAt);
      return { codeNo, codeExpiresAt, resendAvailableAt: new Date(state.context.resendAvailableAt!).toISOString() };
    },
    { validator: () => void decide({ type: 'CODE_REQUESTED', at: Date.now() }) },
  );
  setHandler(
    messages.checkCode,
    (check) => {
      apply({ type: 'CODE_CHECKED', correct: check.correct, codeNo: check.codeNo, at: Date.now() });
      return { status: flow.status(state), attemptsLeft: state.context.attemptsLeft };
    },
    { validator: (check) => void decide({ type: 'CODE_CHECKED', ...check, at: Date.now() }) },
  );
  setHandler(
    messages.passwordSet,
    async () => {
      apply({ type: 'PASSWORD_SET' });
      await flow.passwordSet();
      return { status: flow.status(state) };
    },
    { validator: () => void decide({ type: 'PASSWORD_SET' }) },
  );
  setHandler(messages.cancel, ({ reason }) => {
    if (!isRegistrationFinal(state)) apply({ type: 'CANCEL', reason });
  });
  setHandler(userBlockedSignal, ({ userId }) => {
    if (userId === flow.userId && !isRegistrationFinal(state)) apply({ type: 'CANCEL', reason: 'BLOCKED' });
  });
  upsertSearchAttributes([{ key: UserIds, value: [flow.userId] }]);

  await flow.sendLink(new Date(expiresAt).toISOString());

  // Read with the status, before an await lets a handler take another step.
  const transition = (from: S | null, to: S): LinkCodeTransition<S> => ({ from, to, event: lastEvent, ...actorOf(lastEvent) });
  let recorded: S | null = null;
  while (!isRegistrationFinal(state)) {
    const status = flow.status(state);
    if (status !== recorded) {
      const change = transition(recorded, status);
      recorded = status;
      upsertSearchAttributes([{ key: FlowStatus, value: status }]);
      await flow.recordStatus(status);
      await flow.recordTransition(change);
      continue;
    }
    const seen = changes;
    const codeDue = state.value === 'codeSent' ? state.context.codeExpiresAt! : Infinity;
    const wakeAt = Math.min(expiresAt, codeDue);
    const changed = await condition(() => changes !== seen, Math.max(1, wakeAt - Date.now()));
    if (changed) continue;
    const now = Date.now();
    if (now >= expiresAt) apply({ type: 'LINK_EXPIRED' });
    else if (state.value === 'codeSent' && now >= codeDue) apply({ type: 'CODE_EXPIRED', at: now });
  }

  const final = flow.status(state);
  const change = transition(recorded, final);
  upsertSearchAttributes([{ key: FlowStatus, value: final }]);
  await condition(allHandlersFinished);
  await flow.recordStatus(final);
  await flow.recordTransition(change);
  return final;
}
