import { z } from 'zod';
import { subUsersEnvShape } from './sub-users-env';

const parse = (env: Record<string, string>) => z.object(subUsersEnvShape).safeParse(env);

describe('sub-user settings (§1.8.3)', () => {
  it('defaults: 50 users per partner, automatic approval, 72 h for an operator', () => {
    expect(parse({})).toEqual({
      success: true,
      data: { SUB_USER_PARTNER_USER_LIMIT: 50, SUB_USER_OPERATOR_REVIEW: false, SUB_USER_OPERATOR_TTL_MS: 72 * 3600_000 },
    });
  });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('SUB_USER_OPERATOR_REVIEW=%s', (value, expected) => {
    expect(parse({ SUB_USER_OPERATOR_REVIEW: value }).data?.SUB_USER_OPERATOR_REVIEW).toBe(expected);
  });

  it.each([
    ['SUB_USER_PARTNER_USER_LIMIT', '0'],
    ['SUB_USER_PARTNER_USER_LIMIT', 'many'],
    ['SUB_USER_OPERATOR_REVIEW', 'yes'],
    ['SUB_USER_OPERATOR_TTL_MS', '-1'],
  ])('refuses %s=%s', (name, value) => {
    expect(parse({ [name]: value }).success).toBe(false);
  });
});
