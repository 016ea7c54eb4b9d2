import { createHash } from 'node:crypto';
import { z } from 'zod';

/** A bank operator as configured: a name for the audit trail and the bearer token they sign in with. */
export interface OperatorCredential {
  name: string;
  token: string;
}

/** Names go into audit records (`operator:<name>`) and the codec cookie: short, lower-case, no separators of either. */
export const OPERATOR_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const NAMED = /^([a-z][a-z0-9_-]{0,31}):(.+)$/;

/**
 * `name:token` names an operator. A bare `token` (the old form) still works and is named
 * `unnamed-<first 8 hex of its SHA-256>`, so existing configurations keep signing in while
 * they are given names.
 */
export const parseOperatorEntry = (entry: string): OperatorCredential => {
  const named = NAMED.exec(entry);
  if (named) return { name: named[1]!, token: named[2]! };
  return { name: `unnamed-${createHash('sha256').update(entry, 'utf8').digest('hex').slice(0, 8)}`, token: entry };
};

/** The audit actor id, idempotency owner and codec cookie subject of an operator. */
export const operatorActorId = (name: string) => `operator:${name}`;

/** OPERATOR_TOKENS: comma-separated `name:token` (or bare `token`) entries; tokens ≥ 24 characters, names and tokens unique. */
export const operatorTokensSchema = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string())
      .min(1)
      .superRefine((entries, ctx) => {
        const parsed = entries.map(parseOperatorEntry);
        parsed.forEach(({ name, token }) => {
          // The name only, never the token: configuration errors are logged.
          if (token.length < 24) ctx.addIssue({ code: 'custom', message: `operator "${name}": each operator token needs at least 24 characters` });
          if (!/^[\x21-\x7e]+$/.test(token)) ctx.addIssue({ code: 'custom', message: `operator "${name}": the token must be printable ASCII without spaces` });
        });
        const names = parsed.map((p) => p.name);
        for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
          ctx.addIssue({ code: 'custom', message: `operator "${name}" is configured more than once` });
        }
        if (new Set(parsed.map((p) => p.token)).size !== parsed.length) ctx.addIssue({ code: 'custom', message: 'two operators share a token' });
      }),
  );
