import { domainError, type DomainError } from '../domain-error';

export const ONBOARDING_FLOW = 'ONBOARDING';

/** Stable codes; the API and workflows match on these, never on messages. */
export const OnboardingErrorCode = {
  ALREADY_SIGNED: 'ONBOARDING.ALREADY_SIGNED',
  ALREADY_ACCEPTED: 'ONBOARDING.ALREADY_ACCEPTED',
  TRANSITION_NOT_ALLOWED: 'ONBOARDING.TRANSITION_NOT_ALLOWED',
  INVALID_EVENT: 'ONBOARDING.INVALID_EVENT',
} as const;

export const alreadySigned = (signedAt: number | null): DomainError =>
  domainError(OnboardingErrorCode.ALREADY_SIGNED, 'CONFLICT', 'The bank has already signed this application.', {
    signedAt,
  });

export const alreadyAccepted = (acceptedAt: number | null): DomainError =>
  domainError(OnboardingErrorCode.ALREADY_ACCEPTED, 'CONFLICT', 'The partner has already accepted the agreement for this application.', { acceptedAt });
