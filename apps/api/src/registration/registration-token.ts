import { Injectable, type PipeTransform } from '@nestjs/common';
import { domainError } from '@domain/domain-error';
import { DomainProblem } from '../common/problem';

/** The registration an e-mailed link names is unknown, or no longer one a link may reach. */
export const unknownLink = () => domainError('REGISTRATION.NOT_FOUND', 'NOT_FOUND', 'this link is unknown or no longer valid');

/** An e-mailed token is 43 base64url characters; anything else can't be one, and is answered like an unknown token. */
@Injectable()
export class LinkTokenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Za-z0-9_-]{43}$/.test(value)) throw new DomainProblem(unknownLink());
    return value;
  }
}
