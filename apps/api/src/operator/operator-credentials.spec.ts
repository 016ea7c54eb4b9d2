import { loadApiEnv } from '../config/api-env';
import { ConfigError } from '@infra/config/env.schema';
import { parseOperatorEntry } from './operator-credentials';

const base = { APP_SECRET: Buffer.alloc(32, 7).toString('base64'), PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 9).toString('base64')}` };
const problems = (OPERATOR_TOKENS: string) => {
  try {
    loadApiEnv({ ...base, OPERATOR_TOKENS });
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('OPERATOR_TOKENS', () => {
  it('names operators by name:token; OPERATOR_TOKENS keeps the tokens alone', () => {
    const env = loadApiEnv({ ...base, OPERATOR_TOKENS: 'aigerim:token-of-aigerim-0123456789ab, daniyar:token-of-daniyar-0123456789ab' });
    expect(env.OPERATORS).toEqual([
      { name: 'aigerim', token: 'token-of-aigerim-0123456789ab' },
      { name: 'daniyar', token: 'token-of-daniyar-0123456789ab' },
    ]);
    expect(env.OPERATOR_TOKENS).toEqual(['token-of-aigerim-0123456789ab', 'token-of-daniyar-0123456789ab']);
  });

  it('still takes a bare token, named after its digest', () => {
    expect(parseOperatorEntry('dev-operator-token-change-me-0123456789')).toEqual({
      name: expect.stringMatching(/^unnamed-[0-9a-f]{8}$/),
      token: 'dev-operator-token-change-me-0123456789',
    });
  });

  it('refuses short tokens, repeated names and shared tokens, naming the operator but never the token', () => {
    const lines = problems('a:short-token,a:another-token-0123456789abcdef,b:another-token-0123456789abcdef');
    expect(lines.join('\n')).toContain('operator "a": each operator token needs at least 24 characters');
    expect(lines.join('\n')).toContain('operator "a" is configured more than once');
    expect(lines.join('\n')).toContain('two operators share a token');
    expect(lines.join('\n')).not.toContain('short-token');
  });
});
