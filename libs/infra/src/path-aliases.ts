import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The package aliases of tsconfig.paths.json (`@domain/*` → libs/domain/src/*) as absolute
 * folders, for tools that don't read tsconfig: the workflow bundler's webpack above all.
 */
export function pathAliases(root: string): Record<string, string> {
  const config = JSON.parse(readFileSync(join(root, 'tsconfig.paths.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  return Object.fromEntries(
    Object.entries(config.compilerOptions.paths).map(([alias, [target]]) => [alias.replace(/\/\*$/, ''), join(root, target!.replace(/\/\*$/, ''))]),
  );
}
