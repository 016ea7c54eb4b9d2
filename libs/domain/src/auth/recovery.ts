import type { MachineState } from '../machine-state';
import { registrationStatus } from '../registration/registration.decide';
import type { RegistrationContext, RegistrationStatus } from '../registration/registration.types';

/**
 * Password recovery (§1.12) takes exactly the registration's steps — an e-mailed
 * link, an SMS code with the same cooldown, attempts and expiry, then a new
 * password — so it runs on the registration machine (`decideRegistration`).
 * Only the names a client sees differ: the link was sent, not an invitation,
 * and the end is COMPLETED, not an ACTIVE user.
 */
export type RecoveryStatus = 'LINK_SENT' | 'CODE_SENT' | 'CODE_VERIFIED' | 'COMPLETED' | 'EXPIRED' | 'LOCKED' | 'CANCELLED';

const RECOVERY_STATUS: Readonly<Record<RegistrationStatus, RecoveryStatus>> = {
  INVITED: 'LINK_SENT',
  CODE_SENT: 'CODE_SENT',
  CODE_VERIFIED: 'CODE_VERIFIED',
  ACTIVE: 'COMPLETED',
  EXPIRED: 'EXPIRED',
  LOCKED: 'LOCKED',
  CANCELLED: 'CANCELLED',
};

export const recoveryStatus = (state: MachineState<RegistrationContext>): RecoveryStatus => RECOVERY_STATUS[registrationStatus(state)];

/** Recovery is for registered users the bank has not blocked; a locked login is exactly who needs it. */
export const mayRecoverPassword = (status: string): boolean => status === 'ACTIVE' || status === 'LOCKED';
