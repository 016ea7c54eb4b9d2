import { Injectable } from '@nestjs/common';
import type { OnboardingActivities } from '@workflows/onboarding/onboarding.activities.contract';
import type { ApplicationStatus } from '@workflows/onboarding/onboarding.messages';
import { PrismaService } from '@infra/prisma/prisma.service';

@Injectable()
export class OnboardingActivitiesImpl implements OnboardingActivities {
  constructor(private readonly prisma: PrismaService) {}

  async recordApplicationStatus(input: { applicationId: string; status: ApplicationStatus; signedAt: string | null; acceptedAt: string | null }): Promise<void> {
    await this.prisma.application.update({
      where: { id: input.applicationId },
      data: {
        status: input.status,
        signedAt: input.signedAt ? new Date(input.signedAt) : null,
        acceptedAt: input.acceptedAt ? new Date(input.acceptedAt) : null,
        completedAt: input.status === 'COMPLETED' ? new Date() : undefined,
      },
    });
  }
}
