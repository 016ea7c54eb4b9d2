import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from source (libs/infra/src/…) or compiled (dist/libs/infra/src/…) code alike. */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package-lock.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no repository root above ${from}`);
    dir = up;
  }
  return dir;
}
