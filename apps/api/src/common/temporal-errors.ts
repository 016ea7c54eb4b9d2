import { ActivityFailure, ApplicationFailure, TimeoutFailure, WorkflowNotFoundError, type TemporalFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { domainError, type DomainError, type DomainErrorKind } from '@domain/domain-error';
import { problem, problemFromDomain, type Problem } from './problem';

/**
 * Workflows refuse an Update by throwing an ApplicationFailure whose `type` is the
 * domain error code and whose first detail is the DomainError; this gives that
 * refusal back, for a use case to return like one of its own.
 */
export function refusalFromTemporal(exception: unknown): DomainError | null {
  const failure = exception instanceof WorkflowUpdateFailedError ? exception.cause : exception;
  const app = findApplicationFailure(failure);
  const detail = app?.details?.[0] as
    { code?: string; kind?: DomainErrorKind; message?: string; details?: Record<string, string | number | boolean | null> } | undefined;
  return detail?.code && detail.kind ? domainError(detail.code, detail.kind, detail.message ?? app!.message, detail.details) : null;
}

/** A Temporal failure as the caller hears it: a workflow's refusal through the one mapper (problem.ts), else what went wrong. */
export function fromTemporalFailure(exception: unknown): Problem | null {
  if (exception instanceof WorkflowNotFoundError) return problem(404, 'not found', { code: 'RESOURCE.NOT_FOUND' });
  const refusal = refusalFromTemporal(exception);
  if (refusal) return problemFromDomain(refusal);
  // An Update whose I/O (SMS, mail, database) kept failing past its deadline: the
  // caller may retry, and must not read it as a bug of ours.
  const failure = exception instanceof WorkflowUpdateFailedError ? exception.cause : exception;
  if (inChain(failure, (f) => f instanceof ActivityFailure || f instanceof TimeoutFailure)) {
    return problem(503, 'a delivery or dependency failed; retry shortly', { code: 'SERVICE.UNAVAILABLE' });
  }
  return null;
}

function inChain(e: unknown, test: (f: unknown) => boolean): boolean {
  let current = e as TemporalFailure | undefined;
  for (let depth = 0; current && depth < 6; depth++) {
    if (test(current)) return true;
    current = current.cause as TemporalFailure | undefined;
  }
  return false;
}

function findApplicationFailure(e: unknown): ApplicationFailure | null {
  let current = e as TemporalFailure | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof ApplicationFailure) return current;
    current = current.cause as TemporalFailure | undefined;
  }
  return null;
}
