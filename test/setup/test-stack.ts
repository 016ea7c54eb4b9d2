import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What global-setup started, handed to every spec file through a state file. */
export interface TestStack {
  databaseUrl: string;
  temporalAddress: string;
  smtpUrl: string;
  mailApiUrl: string;
  workflowBundlePath: string | null;
}

export const TEST_STATE_FILE = join(__dirname, '..', '..', '.data', 'test', 'stack.json');

export const readTestStack = (): TestStack => JSON.parse(readFileSync(TEST_STATE_FILE, 'utf8')) as TestStack;
