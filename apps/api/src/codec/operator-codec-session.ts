import { Inject, Injectable } from '@nestjs/common';
import { SecretKeys, digestsEqual } from '@infra/crypto/secret-keys';
import { ENV } from '@infra/tokens';
import type { ApiEnv } from '../config/api-env';
import { OperatorAuthGuard, type OperatorIdentity } from '../operator/operator-auth.guard';

export const CODEC_COOKIE = 'bank_flows_codec';

const VALUE = /^(operator:[a-z][a-z0-9_-]{0,31})\.(\d{13})\.([0-9a-f]{64})$/;

/**
 * The Temporal UI calls the codec from the operator's browser and can send
 * cookies, not an operator token. Signing in once with the token gives the
 * browser a short-lived cookie: `<operatorId>.<expiry>.<HMAC>`. Nothing is stored;
 * removing the operator's token from OPERATOR_TOKENS ends its sign-ins too.
 */
@Injectable()
export class OperatorCodecSession {
  constructor(
    private readonly keys: SecretKeys,
    private readonly operators: OperatorAuthGuard,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  issue(operator: OperatorIdentity): { value: string; expiresAt: Date } {
    const expiresAt = new Date(Date.now() + this.env.CODEC_SESSION_TTL_MS);
    const body = `${operator.operatorId}.${expiresAt.getTime()}`;
    return { value: `${body}.${this.keys.hmacHex('operator-codec-session', body)}`, expiresAt };
  }

  verify(value: string | undefined): OperatorIdentity | null {
    const match = value ? VALUE.exec(value) : null;
    if (!match) return null;
    const [, operatorId, expires, mac] = match;
    if (!digestsEqual(mac!, this.keys.hmacHex('operator-codec-session', `${operatorId}.${expires}`))) return null;
    if (Number(expires) <= Date.now() || !this.operators.isConfigured(operatorId!)) return null;
    return { operatorId: operatorId! };
  }

  /** The cookie's value from a Cookie header, if present (Express percent-encodes it: `operator%3A<name>.…`). */
  static read(cookieHeader: string | undefined): string | undefined {
    for (const part of (cookieHeader ?? '').split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name !== CODEC_COOKIE) continue;
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}
