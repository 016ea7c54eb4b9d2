import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';
import { parseIban } from '@domain/values/iban.value-object';
import { problem } from '../common/problem';

/** Reads an IBAN path segment by the domain's rules; a malformed one is a 400 before any lookup. */
class IbanPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const parsed = parseIban(value);
    if (parsed.ok) return parsed.value;
    const errors = parsed.errors.map((message) => ({ path: 'iban', message }));
    throw new BadRequestException(problem(400, `${errors.length} invalid field${errors.length === 1 ? '' : 's'}`, { code: 'REQUEST.INVALID', errors }));
  }
}

export const IbanParam = (name = 'iban') => Param(name, new IbanPipe());
