import { z } from 'zod';

/**
 * Building blocks of response schemas. Responses are described by the same zod schemas the
 * handlers are typed against (`@ZodResponse`), so the document, the compiler and the contract
 * test agree on one shape.
 */

/** An instant as the API writes it: `Date.prototype.toISOString()`, always UTC. */
export const instant = () => z.iso.datetime();

/** Money as a decimal string in KZT with two decimals (§2.6). */
export const money = () =>
  z
    .string()
    .regex(/^-?\d+\.\d{2}$/)
    .meta({ examples: ['1500.50'] });

/**
 * A string or null. The bound makes zod write `anyOf: [string, null]`: a bare `type: [string, null]`
 * on a DTO's top level is read by @nestjs/swagger as an array of strings.
 */
export const nullableString = (max = 10_000) => z.string().max(max).nullable();

/** The one list envelope: `items` newest first (or in their natural order), `nextCursor` for the next page. */
export const page = <T extends z.ZodType>(item: T) => {
  const example = (item.meta()?.examples as unknown[] | undefined)?.[0];
  return z
    .object({
      items: z.array(item),
      nextCursor: nullableString(200).meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
    })
    .meta(example === undefined ? {} : { examples: [{ items: [example], nextCursor: null }] });
};

/** RFC 9457 problem details: the body of every error response (application/problem+json). */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: '`urn:bank-flows:problem:<code>` for domain refusals, else `about:blank`.' }),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string().optional(),
    code: z.string().optional().meta({ description: 'Stable machine-readable code, e.g. `PAYMENT.TRANSITION_NOT_ALLOWED`.' }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'One entry per invalid field.' }),
  })
  // Domain refusals add members such as attemptsLeft, retryAfterMs or state.
  .catchall(z.unknown())
  .meta({
    id: 'Problem',
    examples: [
      {
        type: 'urn:bank-flows:problem:request.invalid',
        title: 'Bad Request',
        status: 400,
        detail: '1 invalid field',
        code: 'REQUEST.INVALID',
        errors: [{ path: 'amount', message: 'must be a decimal string with at most 2 decimals' }],
      },
    ],
  });
