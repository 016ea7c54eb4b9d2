import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathAliases } from './path-aliases';
import { repoRoot } from './repo-root';
import { paymentProjection } from '@domain/payment';
import { paymentWorkflowId } from '@workflows/payment/payment.messages';

describe('package aliases (tsconfig.paths.json)', () => {
  const root = repoRoot();

  it('names each package folder once, and each exists', () => {
    expect(pathAliases(root)).toEqual({
      '@domain': join(root, 'libs', 'domain', 'src'),
      '@infra': join(root, 'libs', 'infra', 'src'),
      '@workflows': join(root, 'workflows', 'src'),
    });
    for (const folder of Object.values(pathAliases(root))) expect(existsSync(folder)).toBe(true);
  });

  it('resolves under jest as under tsc (jest.config.js maps the same file)', () => {
    expect(typeof paymentProjection).toBe('function');
    expect(paymentWorkflowId('x')).toBe('payment-x');
  });
});
