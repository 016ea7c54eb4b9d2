import { loadApiEnv } from '../../../../apps/api/src/config/api-env';
import { ConfigError } from './env.schema';

const valid = {
  APP_SECRET: Buffer.alloc(32, 7).toString('base64'),
  OPERATOR_TOKENS: 'operator-token-aaaaaaaaaaaaaaaaaaaa',
  PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 9).toString('base64')}`,
};

describe('configuration', () => {
  it('fills every default from a minimal environment', () => {
    const env = loadApiEnv(valid);
    expect(env).toMatchObject({ PORT: 3000, CODE_TTL_MS: 300_000, CODE_MAX_ATTEMPTS: 5, SESSION_IDLE_TTL_MS: 900_000 });
    expect(env.OPERATOR_TOKENS).toEqual(['operator-token-aaaaaaaaaaaaaaaaaaaa']);
  });

  it('reports every problem on its own line and refuses to start', () => {
    try {
      loadApiEnv({ APP_SECRET: 'c2hvcnQ=', OPERATOR_TOKENS: 'short', PORT: 'http', DATABASE_URL: 'mysql://x', SMS_PROVIDER: 'http', PAYLOAD_KEYS: 'k1:c2hvcnQ=' });
      throw new Error('should have failed');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const lines = (error as ConfigError).problems;
      expect(lines.some((l) => l.startsWith('config: APP_SECRET:'))).toBe(true);
      expect(lines.some((l) => l.startsWith('config: OPERATOR_TOKENS'))).toBe(true);
      expect(lines.some((l) => l.startsWith('config: PORT:'))).toBe(true);
      expect(lines.some((l) => l.startsWith('config: DATABASE_URL:'))).toBe(true);
      expect(lines).toContain('config: PAYLOAD_KEYS: key "k1": must be base64 of exactly 32 random bytes');
      expect(lines.length).toBeGreaterThanOrEqual(4);
      for (const line of lines) expect(line).not.toContain('\n');
    }
  });

  it('needs a gateway URL when SMS go over HTTP', () => {
    expect(() => loadApiEnv({ ...valid, SMS_PROVIDER: 'http' })).toThrow(/SMS_HTTP_URL/);
  });
});
