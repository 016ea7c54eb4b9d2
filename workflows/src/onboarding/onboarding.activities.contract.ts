import type { ApplicationStatus } from './onboarding.messages';

export interface OnboardingActivities {
  /** Mirrors the application's status (and when it was signed/accepted) into PostgreSQL. */
  recordApplicationStatus(input: { applicationId: string; status: ApplicationStatus; signedAt: string | null; acceptedAt: string | null }): Promise<void>;
}
