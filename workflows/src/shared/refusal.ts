import { ApplicationFailure } from '@temporalio/workflow';
import type { DomainError } from '@domain/domain-error';

/**
 * A refusal the REST caller must hear as-is: the failure type is the domain code
 * and the DomainError travels as the first detail (no secrets are ever in one).
 */
export const refusal = (error: DomainError): ApplicationFailure =>
  ApplicationFailure.create({ type: error.code, message: error.message, details: [error], nonRetryable: true });
