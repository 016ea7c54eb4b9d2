import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { instant } from './schemas';

/** A code was sent by SMS; verify it with `challengeId` within its lifetime. */
export class ChallengeDto extends createZodDto(
  z
    .object({ challengeId: z.uuid(), expiresAt: instant() })
    .meta({ examples: [{ challengeId: '3f9a1c2e-6b7d-4e8f-9a0b-1c2d3e4f5a6b', expiresAt: '2026-12-01T06:10:00.000Z' }] }),
) {}
