import { upsertSearchAttributes } from '@temporalio/workflow';
import type { Actor } from '@domain/access-level';
import { decidePaymentCommands, keepCodeAttempt, type Payment, type PaymentCommand, type PaymentEffect } from '@domain/payment';
import { refusal } from '../shared/refusal';
import { AmountKzt, UserIds } from '../shared/search-attributes';
import type { PaymentCommandAudit } from './payment.activities.contract';
import type { PaymentRequestOrigin } from './payment.messages';
import type { PaymentRuntime } from './payment-runtime';
import type { PaymentState } from './payment-state';

export const amountKzt = (amountTiyn: string) => Number(amountTiyn) / 100;

export interface Decided {
  readonly state: Payment;
  readonly effects: readonly PaymentEffect[];
}

/** The aggregate's answer on the current state, or its refusal thrown (validators use it as is). */
export function check(state: PaymentState, commands: PaymentCommand | readonly PaymentCommand[]): Decided {
  const decision = decidePaymentCommands(state.payment, Array.isArray(commands) ? commands : [commands as PaymentCommand]);
  if (!decision.ok) throw refusal(decision.error);
  return decision;
}

export interface ApplyOptions {
  /** The write follows money that may have moved, so it is retried until it lands. */
  untilWritten?: boolean;
  /** The cabinet request this step carries out: audited by the step's (first) write, in its transaction. */
  audit?: (decided: Payment) => PaymentCommandAudit;
}

/** Who asked for a step, as its audit record names them (partnerId: the document's partner). */
export type Requester = Pick<PaymentCommandAudit, 'actorId' | 'partnerId' | 'actorType'>;

export const byUser = (actor: Actor): Requester => ({ actorId: actor.userId, partnerId: actor.partnerId });

/**
 * The audit record of a request, written by the step's own write (§1.15): the change and its record
 * commit together or not at all, and a retried write records it once (keyed by its revision).
 * Updates without an origin (sent before steps carried their requests) have none: the API wrote
 * theirs after the answer, and replay takes the same path.
 */
export const audited = (
  origin: PaymentRequestOrigin | undefined,
  by: Requester,
  action: string,
  details: (decided: Payment) => PaymentCommandAudit['details'],
): ApplyOptions['audit'] =>
  origin && ((decided) => ({ requestId: origin.requestId, clientAddress: origin.clientAddress, action, ...by, details: details(decided) }));

/**
 * Decides, keeps the new state, and carries out the effects in order; run inside a step
 * (payment-runtime.ts), which puts the state back if a write fails.
 */
export async function decideAndApply(rt: PaymentRuntime, commands: PaymentCommand | readonly PaymentCommand[], options: ApplyOptions = {}): Promise<Decided> {
  const { untilWritten = false } = options;
  let audit = options.audit;
  const { state, input } = rt;
  const before = state.payment;
  const decided = check(state, commands);
  state.set(decided.state);
  let indexed = false;
  try {
    for (const effect of decided.effects) {
      switch (effect.type) {
        case 'LIST_USERS':
          upsertSearchAttributes([{ key: UserIds, value: effect.userIds }]);
          break;
        case 'INDEX_AMOUNT':
          upsertSearchAttributes([{ key: AmountKzt, value: amountKzt(effect.amountTiyn) }]);
          indexed = true;
          break;
        case 'KEEP_CODE_ATTEMPT':
          rt.keep(() => state.set(keepCodeAttempt(state.payment, effect)));
          break;
        case 'RECORD': {
          const { events, type: _record, ...extra } = effect;
          const command = audit?.(decided.state);
          audit = undefined;
          const record = state.record(events, { ...extra, ...(command ? { command } : {}) }, decided.state);
          await (untilWritten ? rt.persistUntilWritten(record) : rt.persist(record));
          break;
        }
        case 'SEND_CODE': {
          const { type: _send, ...code } = effect;
          await rt.queue(() => rt.urgent.sendConfirmationCode({ paymentId: input.paymentId, ...code }));
          break;
        }
      }
    }
  } catch (error) {
    // The step is put back (rt.step); so is the amount operators search by.
    if (indexed) upsertSearchAttributes([{ key: AmountKzt, value: amountKzt(before.content.amountTiyn) }]);
    throw error;
  }
  return decided;
}
