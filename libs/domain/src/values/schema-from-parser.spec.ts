import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import { schemaFromParser } from './schema-from-parser';

// A toy parser: upper-cases, refuses digits and strings shorter than 3, reporting both.
const parseCode = (input: unknown): Result<string> => {
  if (typeof input !== 'string') return fail('Code must be a string.');
  const problems = [...(/\d/.test(input) ? ['Code must not contain digits.'] : []), ...(input.length < 3 ? ['Code must be at least 3 characters.'] : [])];
  return problems.length > 0 ? fail(...problems) : ok(input.toUpperCase());
};
const codeSchema = schemaFromParser(parseCode, { description: 'A code.', examples: ['ABC'] });

describe('schemaFromParser', () => {
  it('yields the parsed value', () => {
    expect(codeSchema.parse('abc')).toBe('ABC');
  });

  it('turns each parser problem into one zod issue', () => {
    const result = codeSchema.safeParse('1');
    expect(result.error?.issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['custom', 'Code must not contain digits.'],
      ['custom', 'Code must be at least 3 characters.'],
    ]);
  });

  it("uses the parser's message for a non-string input", () => {
    const messages = codeSchema.safeParse(42).error?.issues.map((issue) => issue.message);
    expect(messages).toEqual(['Code must be a string.']);
  });

  it('documents itself as a string for OpenAPI', () => {
    expect(z.toJSONSchema(codeSchema, { io: 'input' })).toMatchObject({
      type: 'string',
      description: 'A code.',
      examples: ['ABC'],
    });
  });

  it('works nested in a request DTO, with issue paths', () => {
    const dto = z.object({ code: codeSchema });
    const paths = dto.safeParse({ code: '1' }).error?.issues.map((issue) => issue.path);
    expect(paths).toEqual([['code'], ['code']]);
  });
});
