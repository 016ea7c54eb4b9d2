import { api } from '../api/client';
import type { Schemas } from '../api/schema';

/**
 * Registration (§1.7) and recovery (§1.12) are the same walk: an e-mailed link, an SMS code, a
 * new password. One page drives both through this interface; each flow maps its own endpoints.
 */
export type View = Pick<Schemas['RegistrationView'], 'emailMasked' | 'phoneMasked' | 'expiresAt' | 'codeExpiresAt' | 'resendAvailableAt' | 'attemptsLeft'> & {
  step: 'START' | 'CODE_SENT' | 'CODE_VERIFIED' | 'DONE' | 'EXPIRED' | 'LOCKED' | 'CANCELLED';
};

interface Answer<T> {
  data?: T;
  error?: unknown;
}

export interface LinkFlow {
  kind: 'register' | 'recover';
  read(): Promise<Answer<View>>;
  sendCode(): Promise<Answer<Schemas['CodeSent']>>;
  verify(code: string): Promise<Answer<unknown>>;
  /** Resolves to the login when the flow tells it (registration), else to an empty string. */
  setPassword(password: string): Promise<Answer<string>>;
}

const registrationStep = (status: Schemas['RegistrationStatus']): View['step'] => (status === 'INVITED' ? 'START' : status === 'ACTIVE' ? 'DONE' : status);
const recoveryStep = (status: Schemas['RecoveryStatus']): View['step'] => (status === 'LINK_SENT' ? 'START' : status === 'COMPLETED' ? 'DONE' : status);

export const registration = (token: string): LinkFlow => {
  const path = { params: { path: { token } } };
  return {
    kind: 'register',
    read: async () => {
      const { data, error } = await api.GET('/v1/registrations/{token}', path);
      return data ? { data: { ...data, step: registrationStep(data.status) } } : { error };
    },
    sendCode: () => api.POST('/v1/registrations/{token}/code', path),
    verify: (code) => api.POST('/v1/registrations/{token}/verify', { ...path, body: { code } }),
    setPassword: async (password) => {
      const { data, error } = await api.POST('/v1/registrations/{token}/password', { ...path, body: { password } });
      return data ? { data: data.login } : { error };
    },
  };
};

export const recovery = (token: string): LinkFlow => {
  const path = { params: { path: { token } } };
  return {
    kind: 'recover',
    read: async () => {
      const { data, error } = await api.GET('/v1/auth/recovery/{token}', path);
      return data ? { data: { ...data, step: recoveryStep(data.status) } } : { error };
    },
    sendCode: () => api.POST('/v1/auth/recovery/{token}/code', path),
    verify: (code) => api.POST('/v1/auth/recovery/{token}/verify', { ...path, body: { code } }),
    setPassword: async (password) => {
      const { data, error } = await api.POST('/v1/auth/recovery/{token}/password', { ...path, body: { password } });
      return data ? { data: '' } : { error };
    },
  };
};
