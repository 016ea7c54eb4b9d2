import type { LogLevel, LogMetadata, Logger } from '@temporalio/worker';
import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import { REDACT_PATHS } from '@infra/logging/logger-options';

const PINO_LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The SDK logs a new worker's options at DEBUG, data converter included: the payload codec
 * holds the AES keys (PAYLOAD_KEYS), which must never reach a log.
 */
const SDK_SECRET_PATHS = ['options.dataConverter', 'options.loadedDataConverter', 'options.connection'];

/**
 * The Temporal SDK's logger (Runtime.install): the SDK's own lines, the Rust core's (forwarded)
 * and what workflows and activities log through `log` all leave as the worker's JSON lines,
 * with the same redaction as every other log (logger-options.ts).
 */
export function temporalPinoLogger(level: string, destination?: DestinationStream): Logger & { pino: Pino } {
  const log = pino(
    { level, base: { service: 'worker', component: 'temporal' }, redact: { paths: [...REDACT_PATHS, ...SDK_SECRET_PATHS], censor: '[REDACTED]' } },
    destination,
  );
  const write = (lvl: LogLevel, message: string, meta?: LogMetadata) => log[PINO_LEVEL[lvl] ?? 'info']({ ...meta }, message);
  return {
    pino: log,
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}
