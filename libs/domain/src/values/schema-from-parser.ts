import { z } from 'zod';
import type { Result } from '../result';

export interface SchemaDocs {
  readonly description: string;
  readonly examples: readonly string[];
}

/**
 * A zod schema whose rules are exactly the domain parser's, so a request DTO
 * can never accept what the domain refuses. Each parser problem becomes one
 * zod issue; a non-string input gets the parser's own message (e.g. money
 * given as a JSON number) instead of zod's generic one.
 */
export const schemaFromParser = <T>(parse: (input: unknown) => Result<T>, docs: SchemaDocs) =>
  z
    .string({
      error: (issue) => {
        const result = parse(issue.input);
        return result.ok ? undefined : result.errors[0];
      },
    })
    .meta({ description: docs.description, examples: [...docs.examples] })
    .transform((value, ctx): T => {
      const result = parse(value);
      if (result.ok) return result.value;
      for (const message of result.errors) ctx.addIssue({ code: 'custom', message, input: value });
      return z.NEVER;
    });
