import { HttpException } from '@nestjs/common';
import type { UserStatus } from '../../../../libs/domain/src/access-level';
import { problem } from '../common/problem';
import type { OpenedSession } from '../auth/session.service';

/**
 * One answer for every failed sign-in — unknown login, wrong password or code,
 * locked, blocked or unregistered user — so the response never tells whether a
 * login exists (no account enumeration, §1.17).
 */
export const signInRefused = (method: 'PASSWORD' | 'CODE') =>
  new HttpException(
    method === 'PASSWORD'
      ? problem(401, 'the login or password is wrong', { code: 'AUTH.INVALID_CREDENTIALS' })
      : problem(401, 'the code is wrong or no longer valid', { code: 'AUTH.INVALID_CODE' }),
    401,
  );

/** The fields of a user every sign-in answer carries; never a secret. */
export const SIGNED_IN_USER = {
  id: true,
  login: true,
  fullName: true,
  partnerId: true,
  accessLevel: true,
  status: true,
} as const;

export interface SignedInUser {
  id: string;
  login: string;
  fullName: string;
  partnerId: string;
  accessLevel: string;
  status: UserStatus;
}

/** 200 `{ sessionKey, expiresAt, user }` (api.md). */
export const signedIn = (session: OpenedSession, user: SignedInUser) => ({
  sessionKey: session.sessionKey,
  expiresAt: session.expiresAt.toISOString(),
  user: {
    userId: user.id,
    login: user.login,
    fullName: user.fullName,
    partnerId: user.partnerId,
    accessLevel: user.accessLevel,
    status: 'ACTIVE' as const,
  },
});
