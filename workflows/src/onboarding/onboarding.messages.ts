import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { RegistrationInput } from '../registration/registration.messages';

export type ApplicationStatus = 'AWAITING_SIGNATURE' | 'AWAITING_ACCEPTANCE' | 'INVITING' | 'COMPLETED' | 'CANCELLED';

/** Ids and lifetimes only; names, e-mails and phones stay in PostgreSQL. */
export interface OnboardingInput {
  applicationId: string;
  partnerId: string;
  partnerBin: string;
  userIds: string[];
  registration: Pick<RegistrationInput, 'linkTtlMs' | 'codeTtlMs' | 'resendCooldownMs' | 'maxAttempts'>;
}

export interface OnboardingView {
  status: ApplicationStatus;
  signedAt: string | null;
  acceptedAt: string | null;
  registrationsFinished: number;
}

export const onboardingWorkflowId = (applicationId: string) => `onboarding-${applicationId}`;

export const signUpdate = defineUpdate<{ status: ApplicationStatus }>('sign');
export const acceptAgreementUpdate = defineUpdate<{ status: ApplicationStatus }>('acceptAgreement');
export const cancelOnboardingSignal = defineSignal<[{ reason: string }]>('cancel');
export const onboardingStateQuery = defineQuery<OnboardingView>('state');
