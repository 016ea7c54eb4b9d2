import { execFileSync } from 'node:child_process';
import { repoRoot } from '@infra/repo-root';

/**
 * A dot-suffix names a file's role, from one fixed list (README → Development → File names), so a
 * newcomer knows what a file is before opening it. A file that plays no such role (a flow's part,
 * a helper) has a plain kebab-case name with no role suffix.
 */
export const FILE_ROLES = [
  // Nest
  'module',
  'controller',
  'service',
  'guard',
  'filter',
  'interceptor',
  'pipe',
  'middleware',
  // the API's layers
  'use-case',
  'repository',
  'dto',
  'mapper',
  // the domain
  'schema',
  'machine',
  'decide',
  'aggregate',
  'projection',
  'rules',
  'errors',
  'types',
  'value-object',
  // Temporal
  'workflow',
  'messages',
  'activities',
  'contract',
  // tests
  'spec',
  'e2e-spec',
] as const;

const SOURCES = /^(apps\/(api|worker)|libs|workflows)\/.*\.ts$/;

describe('file names', () => {
  it('use only the fixed role suffixes', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot(), encoding: 'utf8' })
      .split('\n')
      .filter((f) => SOURCES.test(f));
    const roles = new Set<string>(FILE_ROLES);
    const odd = files.filter((f) => {
      const base = f.slice(f.lastIndexOf('/') + 1).replace(/\.ts$/, '');
      const parts = base.split('.');
      if (parts.length === 1) return false;
      // `x.activities.contract.ts`, `x.e2e-spec.ts`, `x.aggregate.spec.ts`: every dotted part is a role.
      return parts.slice(1).some((part) => !roles.has(part));
    });
    expect(odd).toEqual([]);
  });
});
