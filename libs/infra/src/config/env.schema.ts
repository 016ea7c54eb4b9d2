import { z } from 'zod';
import { readPayloadKeys } from '../temporal/payload-keys';

/** Durations in config are milliseconds written as integers, e.g. CODE_TTL_MS=300000. */
const ms = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

/** Settings both processes share: where the parts are and how long things live (§1.11). */
export const sharedEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgresql://postgres@127.0.0.1:5432/bank_flows'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * How long a query or transaction may wait for a pooled connection (a free one, or a new
   * one being opened) before it fails and the caller answers 503. Kept under Prisma's 2 s
   * transaction wait: a connection that arrived after Prisma gave up would never be released.
   */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(1_999).default(1_500),

  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('bank-flows'),
  TEMPORAL_TLS: bool(false),
  TEMPORAL_TLS_CERT_PATH: z.string().optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().optional(),
  TEMPORAL_TLS_CA_PATH: z.string().optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().optional(),
  TEMPORAL_API_KEY: z.string().optional(),

  SMTP_URL: z.url({ protocol: /^smtps?$/ }).default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Bank Business <no-reply@bank.localhost>'),
  SMS_PROVIDER: z.enum(['smtp', 'http']).default('smtp'),
  SMS_SMTP_DOMAIN: z.string().min(1).default('sms.localhost'),
  SMS_HTTP_URL: z.url().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  SMS_SENDER: z.string().min(1).max(11).default('BANK'),
  CABINET_URL: z.url().default('http://127.0.0.1:5173'),
  /** TrueType fonts of PDF statements and receipts (§2.5, §2.6); they must cover Kazakh and Russian letters. */
  // DejaVu ships with the project (npm dejavu-fonts-ttf): Kazakh and Russian letters, no system fonts needed.
  PDF_FONT_PATH: z
    .string()
    .min(1)
    .default(() => require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  PDF_BOLD_FONT_PATH: z
    .string()
    .min(1)
    .default(() => require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),

  /** Master secret (base64, ≥ 32 bytes); HMAC keys for codes, tokens and sessions derive from it. */
  APP_SECRET: z.string().refine((v) => Buffer.from(v, 'base64').length >= 32, 'must be base64 of at least 32 random bytes'),
  /**
   * AES-256-GCM keys for Temporal payloads, `keyId:base64key,...`: the first
   * encrypts, all decrypt (rotation). Without them history is unreadable.
   */
  PAYLOAD_KEYS: z.string().superRefine((v, ctx) => {
    for (const message of readPayloadKeys(v).problems) ctx.addIssue({ code: 'custom', message });
  }),

  REGISTRATION_LINK_TTL_MS: ms(72 * 3600_000),
  CODE_TTL_MS: ms(5 * 60_000),
  CODE_RESEND_COOLDOWN_MS: ms(60_000),
  CODE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(5),

  /** argon2id cost; defaults are OWASP's minimum (19 MiB, 2 iterations). */
  PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(19_456).default(19_456),
  PASSWORD_HASH_ITERATIONS: z.coerce.number().int().min(2).default(2),
  PASSWORD_HASH_PARALLELISM: z.coerce.number().int().min(1).max(16).default(1),
});

export type SharedEnv = z.infer<typeof sharedEnvSchema>;

/**
 * Parses the environment once at start-up. Every problem is printed on its own
 * line and the process stops: a bank service must not run half-configured.
 */
export function loadEnv<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `config: ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ConfigError(lines);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Cross-field checks shared by both apps. */
export function refineShared(env: SharedEnv, ctx: z.RefinementCtx): void {
  if (env.SMS_PROVIDER === 'http' && !env.SMS_HTTP_URL) {
    ctx.addIssue({ code: 'custom', path: ['SMS_HTTP_URL'], message: 'required when SMS_PROVIDER=http' });
  }
  if (env.TEMPORAL_TLS_CERT_PATH && !env.TEMPORAL_TLS_KEY_PATH) {
    ctx.addIssue({ code: 'custom', path: ['TEMPORAL_TLS_KEY_PATH'], message: 'required with TEMPORAL_TLS_CERT_PATH' });
  }
}
