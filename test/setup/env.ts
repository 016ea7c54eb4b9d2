import { dirname, join } from 'node:path';
import { readTestStack, TEST_STATE_ENV } from './test-stack';

// Every integration spec sees the test stack through the same variables the apps read.
const stack = readTestStack();
Object.assign(process.env, {
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  DATABASE_URL: stack.databaseUrl,
  TEMPORAL_ADDRESS: stack.temporalAddress,
  TEMPORAL_NAMESPACE: 'default',
  SMTP_URL: stack.smtpUrl,
  SMS_PROVIDER: 'smtp',
  APP_SECRET: 'dGVzdC1vbmx5LXNlY3JldC10ZXN0LW9ubHktc2VjcmV0LTMyYnl0ZXMh',
  PAYLOAD_KEYS: 'test-1:s9oL1P3ueQ+6xt9ZXt6L9ASFGB/wu+nTY1bTFxNCf6E=',
  // Named operators (`name:token`): the harness signs in as the first; audit records name `operator:desk-1`.
  OPERATOR_TOKENS: 'desk-1:test-operator-token-0123456789abcdef,desk-2:test-operator-token-second-0123456789',
  CABINET_URL: 'http://cabinet.test',
  // Many APIs and workers share this machine in a run: their operations endpoints take free ports.
  METRICS_PORT: '0',
  WORKER_HTTP_PORT: '0',
  TEMPORAL_SDK_METRICS_PORT: '0',
  // Every sealer of the run exports here (they seal one database; see harness.ts for their ids).
  AUDIT_CHECKPOINT_DIR: join(dirname(process.env[TEST_STATE_ENV]!), 'audit-checkpoints'),
});
