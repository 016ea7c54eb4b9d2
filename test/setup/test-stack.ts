import { readFileSync } from 'node:fs';

/** What global-setup started, handed to every spec file through a state file. */
export interface TestStack {
  databaseUrl: string;
  temporalAddress: string;
  smtpUrl: string;
  mailApiUrl: string;
  workflowBundlePath: string | null;
}

export const TEST_STATE_ENV = 'BANK_FLOWS_TEST_STACK';

export const readTestStack = (): TestStack => {
  const file = process.env[TEST_STATE_ENV];
  if (!file) throw new Error(`${TEST_STATE_ENV} is not set: integration specs run through jest's global setup`);
  return JSON.parse(readFileSync(file, 'utf8')) as TestStack;
};
