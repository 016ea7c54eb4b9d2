import type { UserStatus } from '@domain/access-level';
import { domainError, type DomainError } from '@domain/domain-error';
import type { OpenedSession } from '../session.service';

/**
 * One refusal for every failed sign-in — unknown login, wrong password or code,
 * locked, blocked or unregistered user — so the answer never tells whether a
 * login exists (no account enumeration, §1.17). A 401 (common/problem.ts STATUS_BY_CODE).
 */
export const signInRefused = (method: 'PASSWORD' | 'CODE'): DomainError =>
  method === 'PASSWORD'
    ? domainError('AUTH.INVALID_CREDENTIALS', 'INVALID', 'the login or password is wrong')
    : domainError('AUTH.INVALID_CODE', 'INVALID', 'the code is wrong or no longer valid');

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

export type SignedIn = ReturnType<typeof signedIn>;
