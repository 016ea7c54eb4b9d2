import type { SubUserRequestEvent } from './sub-user-request.types';

/**
 * The bank's automatic checks of a sub-user request (§1.8.3). Activities gather
 * the facts; these rules judge them. The workflow applies the verdict through the
 * machine (CHECKS_PASSED / CHECKS_FAILED), and the user-creating activity asks
 * `subUserAdmissionRefusal` again at approval, when the facts may have changed.
 */
export interface SubUserRequestFacts {
  /** The e-mail already is some user's login, of any partner (§1.6, §1.17: a login names one user). */
  readonly loginTaken: boolean;
  /** The phone passes the Kazakhstan-mobile rule (`parsePhone`) today. */
  readonly phoneValid: boolean;
  /** The phone already is another user's phone, of any partner. */
  readonly phoneInUse: boolean;
  readonly partnerStatus: 'ACTIVE' | 'SUSPENDED';
  /** Users the partner has now, whatever their status: each one holds a login. */
  readonly partnerUserCount: number;
}

/** The bank's settings for sub-users, fixed for a request when it starts. */
export interface SubUserPolicy {
  /** Most users a partner may have, application users included. */
  readonly userLimit: number;
  /** Every request goes to an operator, whatever the checks say. */
  readonly operatorReview: boolean;
}

/** Why a request is refused outright. */
export type SubUserCheckFailure = 'LOGIN_TAKEN' | 'PHONE_INVALID' | 'PARTNER_NOT_ACTIVE' | 'USER_LIMIT_REACHED';

/**
 * Why an operator must look: a phone that already receives another user's codes
 * may be a mistake or someone collecting logins (§1.4: the phone identifies the user);
 * or the bank reviews every request.
 */
export type SubUserCheckFlag = 'PHONE_IN_USE' | 'OPERATOR_REVIEW_REQUIRED';

export type SubUserAssessment =
  | { readonly outcome: 'APPROVE' }
  | { readonly outcome: 'REVIEW'; readonly flags: readonly SubUserCheckFlag[] }
  | { readonly outcome: 'REJECT'; readonly reason: SubUserCheckFailure };

/** What each refusal means, for the bank's operators (and the audit trail, which keeps the code). */
export const SUB_USER_CHECK_MESSAGES: Readonly<Record<SubUserCheckFailure, string>> = {
  LOGIN_TAKEN: 'This e-mail is already the login of a user; choose another e-mail.',
  PHONE_INVALID: 'The phone is not a Kazakhstan mobile number that can receive SMS codes.',
  PARTNER_NOT_ACTIVE: "The partner's access is suspended; new users cannot be added.",
  USER_LIMIT_REACHED: 'The partner already has as many users as the bank allows.',
};

/**
 * What the creator reads for every refusal by the checks: one neutral answer. A precise
 * LOGIN_TAKEN would tell a partner's user that an address is another partner's login
 * (issue 12; §1.6: a login names one user), and any answer only some refusals got would
 * tell it by elimination. The true code stays in the request row, the operator's view and
 * the audit trail as the bank reads it.
 */
export const SUB_USER_CHECKS_REFUSAL = {
  code: 'BANK_CHECKS_FAILED',
  reason: 'The bank did not approve adding this user. Your bank manager can tell you why.',
} as const;

export type SubUserRejectionReader = 'CREATOR' | 'OPERATOR';

/** A request's rejection as a reader sees it: checks' refusals are neutral for the creator; an operator's words are shown as written. */
export const subUserRejectionView = (reader: SubUserRejectionReader, reason: string | null) => {
  if (reason === null) return null;
  if (!isSubUserCheckFailure(reason)) return { by: 'OPERATOR' as const, code: null, reason };
  return reader === 'OPERATOR'
    ? { by: 'BANK_CHECKS' as const, code: reason, reason: SUB_USER_CHECK_MESSAGES[reason] }
    : { by: 'BANK_CHECKS' as const, ...SUB_USER_CHECKS_REFUSAL };
};

/** The one review flag the creator reads, whatever made the bank look. */
export const SUB_USER_CREATOR_REVIEW_FLAG = 'BANK_REVIEW';

/**
 * A request's review flags as a reader sees them. PHONE_IN_USE would tell the creator that a
 * phone belongs to some user, possibly another partner's (§1.4: the phone identifies the user),
 * and a flag only some requests got would tell it by elimination: the creator reads one neutral
 * flag; operators read the true ones (and who holds the phone).
 */
export const subUserReviewFlagsView = (reader: SubUserRejectionReader, flags: readonly string[]): string[] =>
  reader === 'OPERATOR' ? [...flags] : flags.length > 0 ? [SUB_USER_CREATOR_REVIEW_FLAG] : [];

export const isSubUserCheckFailure = (value: string): value is SubUserCheckFailure => Object.prototype.hasOwnProperty.call(SUB_USER_CHECK_MESSAGES, value);

const positiveLimit = (policy: SubUserPolicy) => {
  if (!Number.isSafeInteger(policy.userLimit) || policy.userLimit < 1) {
    throw new RangeError('userLimit must be a positive integer.');
  }
};

/** What must hold for the user to be created at all; checked again at approval. */
export const subUserAdmissionRefusal = (
  facts: Pick<SubUserRequestFacts, 'loginTaken' | 'partnerStatus' | 'partnerUserCount'>,
  policy: SubUserPolicy,
): SubUserCheckFailure | null => {
  positiveLimit(policy);
  if (facts.partnerStatus !== 'ACTIVE') return 'PARTNER_NOT_ACTIVE';
  if (facts.loginTaken) return 'LOGIN_TAKEN';
  if (facts.partnerUserCount >= policy.userLimit) return 'USER_LIMIT_REACHED';
  return null;
};

/** Refusals first, then review flags; a clean request is approved automatically. */
export const assessSubUserRequest = (facts: SubUserRequestFacts, policy: SubUserPolicy): SubUserAssessment => {
  const refusal = subUserAdmissionRefusal(facts, policy) ?? (facts.phoneValid ? null : 'PHONE_INVALID');
  if (refusal) return { outcome: 'REJECT', reason: refusal };
  const flags: SubUserCheckFlag[] = [];
  if (facts.phoneInUse) flags.push('PHONE_IN_USE');
  if (policy.operatorReview) flags.push('OPERATOR_REVIEW_REQUIRED');
  return flags.length > 0 ? { outcome: 'REVIEW', flags } : { outcome: 'APPROVE' };
};

/** The machine event for an assessment; the reason of a refusal is its stable code. */
export const subUserCheckEvent = (assessment: SubUserAssessment, at: number): SubUserRequestEvent =>
  assessment.outcome === 'REJECT'
    ? { type: 'CHECKS_FAILED', reason: assessment.reason, at }
    : { type: 'CHECKS_PASSED', operatorReview: assessment.outcome === 'REVIEW', at };
