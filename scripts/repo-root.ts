import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from source (scripts/…) or compiled (dist/scripts/…) code alike. */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package-lock.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no repository root above ${from}`);
    dir = up;
  }
  return dir;
}
