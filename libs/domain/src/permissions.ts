import type { AccessLevel, Actor } from './access-level';
import { domainError, type DomainError } from './domain-error';

export const PERMISSIONS = [
  'PROFILE_VIEW',
  'PASSWORD_CHANGE',
  'ACCOUNT_VIEW',
  'STATEMENT_VIEW',
  'PAYMENT_VIEW',
  'PAYMENT_CREATE',
  'PAYMENT_EDIT',
  'PAYMENT_SUBMIT',
  'PAYMENT_RETURN',
  'PAYMENT_CANCEL',
  'PAYMENT_RECEIPT',
  'PAYMENT_CONFIRM',
  'USER_VIEW',
  'USER_CREATE',
  'APPROVAL_POLICY_VIEW',
  'APPROVAL_POLICY_CHANGE',
  'AUDIT_VIEW',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Reserved for full access: confirming payment documents (§1.2.1), creating
 * sub-users (§1.8, by interpretation: only full-access users receive the
 * §1.8.2 code), and governing the partner's approval policy and audit trail.
 */
const FULL_ACCESS_ONLY: readonly Permission[] = ['PAYMENT_CONFIRM', 'USER_CREATE', 'APPROVAL_POLICY_CHANGE', 'AUDIT_VIEW'];

/** The one permission table. Create-and-view: informational services and creating documents (§1.2.2). */
const TABLE: Readonly<Record<AccessLevel, readonly Permission[]>> = {
  FULL_ACCESS: Object.freeze([...PERMISSIONS]),
  CREATE_AND_VIEW: Object.freeze(PERMISSIONS.filter((p) => !FULL_ACCESS_ONLY.includes(p))),
};

const NONE: readonly Permission[] = Object.freeze([]);

type ActorAccess = Pick<Actor, 'accessLevel' | 'status'>;

/** Only an ACTIVE user can act: INVITED has not registered, LOCKED and BLOCKED (§1.14) are shut out. */
export const permissionsFor = (actor: ActorAccess): readonly Permission[] => (actor.status === 'ACTIVE' ? TABLE[actor.accessLevel] : NONE);

export const isAllowed = (actor: ActorAccess, permission: Permission): boolean => permissionsFor(actor).includes(permission);

/** null when allowed; otherwise the refusal the API turns into 403. */
export const authorize = (actor: ActorAccess, permission: Permission): DomainError | null => {
  if (actor.status !== 'ACTIVE') {
    return domainError('ACCESS.USER_NOT_ACTIVE', 'FORBIDDEN', `The user is ${actor.status.toLowerCase()} and cannot perform any action.`, { permission });
  }
  if (!isAllowed(actor, permission)) {
    return domainError('ACCESS.FORBIDDEN', 'FORBIDDEN', `Access level ${actor.accessLevel} does not allow ${permission}.`, { permission });
  }
  return null;
};
