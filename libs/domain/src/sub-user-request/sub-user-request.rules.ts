import type { Actor } from '../access-level';
import type { DomainError } from '../domain-error';
import { allOf, type EventOf, type Rule } from '../machine-rules';
import { authorize } from '../permissions';
import { isCleanText, type TextRules } from '../values/text.value-object';
import { notCreator, reasonInvalid, reasonRequired, requestNotFound } from './sub-user-request.errors';
import type { SubUserRequestContext, SubUserRequestEvent } from './sub-user-request.types';

type Ctx = SubUserRequestContext;
type On<T extends SubUserRequestEvent['type']> = EventOf<SubUserRequestEvent, T>;

/**
 * §1.8 as interpreted: only an ACTIVE full-access user may create sub-users (the
 * permission table's USER_CREATE). Checked at creation and again at confirmation,
 * in case the creator was blocked (§1.14) or lost full access in between.
 */
export const creatorRefusal = (actor: Actor): DomainError | null => authorize(actor, 'USER_CREATE');

/** Before anything else: a user of another partner hears NOT_FOUND. */
export const samePartner: Rule<Ctx, SubUserRequestEvent> = (context, event) =>
  'actor' in event && event.actor.partnerId !== context.partnerId ? requestNotFound() : null;

const isCreator: Rule<Ctx, On<'CREATOR_CONFIRMED'>> = (context, event) => (event.actor.userId === context.creatorId ? null : notCreator());

const mayCreate: Rule<Ctx, On<'CREATOR_CONFIRMED'>> = (_context, event) => creatorRefusal(event.actor);

export const confirmable = allOf<Ctx, On<'CREATOR_CONFIRMED'>>(samePartner, isCreator, mayCreate);

/** A rejection is explained to the partner and kept for audit (§1.15). */
export const hasReason: Rule<Ctx, On<'OPERATOR_REJECTED' | 'CHECKS_FAILED'>> = (_context, event) => (event.reason.trim().length > 0 ? null : reasonRequired());

/** The operator's reason for rejecting a request: shown to the creator and kept for audit. */
export const REJECTION_REASON_RULES: TextRules = { label: 'Reason', max: 1000 };

/** The one text policy: text PostgreSQL cannot store (a NUL) is refused before the workflow takes the step. */
export const cleanRejectionReason: Rule<Ctx, On<'OPERATOR_REJECTED'>> = (_context, event) =>
  isCleanText(event.reason, REJECTION_REASON_RULES) ? null : reasonInvalid(REJECTION_REASON_RULES.max);
