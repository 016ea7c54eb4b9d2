import type { RegistrationStatus } from '../registration';
import type { SubUserRequestEvent } from './sub-user-request.types';

/**
 * §1.8.4: the new user registers exactly as a listed user does, and the request
 * ends as that registration ends. A registration that has not ended yet gives no
 * event; one that could not run at all (`FAILED`) cancels the request.
 */
export const registrationOutcomeEvent = (status: RegistrationStatus | 'FAILED', at: number): SubUserRequestEvent | null => {
  switch (status) {
    case 'ACTIVE':
      return { type: 'REGISTRATION_COMPLETED', at };
    case 'EXPIRED':
      return { type: 'EXPIRED', at };
    case 'LOCKED':
    case 'CANCELLED':
    case 'FAILED':
      return { type: 'CANCEL', reason: `REGISTRATION_${status}` };
    case 'INVITED':
    case 'CODE_SENT':
    case 'CODE_VERIFIED':
      return null;
  }
};
