import { HttpException } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { domainError } from '../../../../libs/domain/src/domain-error';
import { DomainProblem, problem } from './problem';

/** What a link-and-code workflow is known by when it can't be asked: its mirrored row. */
export interface LinkCodeRow {
  workflowId: string;
  status: string;
  expiresAt: Date;
}

/**
 * The API's side of the flows on the registration machine — a registration
 * (§1.5–§1.7) and a password recovery (§1.12): the workflow decides each step,
 * and a caller hears the same answers from both under the flow's own codes.
 */
export class LinkCodeSteps {
  private readonly noun: string;

  constructor(
    private readonly temporal: Client,
    private readonly flow: 'REGISTRATION' | 'RECOVERY',
  ) {
    this.noun = flow.toLowerCase();
  }

  /** The live state from the workflow; the row's when the workflow can't be asked. */
  async view<V>(row: LinkCodeRow, query: QueryDefinition<V>) {
    try {
      return await this.temporal.workflow.getHandle(row.workflowId).query(query);
    } catch {
      return { status: row.status, expiresAt: row.expiresAt.toISOString(), codeExpiresAt: null, resendAvailableAt: null };
    }
  }

  /** An Update to the workflow; one that has ended refuses with the final state `ended()` reads (409). */
  async update<R, A extends unknown[]>(workflowId: string, def: UpdateDefinition<R, A>, args: A, ended: () => Promise<string>): Promise<R> {
    try {
      const handle = this.temporal.workflow.getHandle(workflowId);
      return await handle.executeUpdate(def as unknown as UpdateDefinition<R, [unknown]>, { args: args as unknown as [unknown] });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      const state = await ended();
      throw new DomainProblem(domainError(`${this.flow}.TRANSITION_NOT_ALLOWED`, 'CONFLICT', `this ${this.noun} has ended (${state})`, { state }));
    }
  }

  /** A code was entered before any was sent. */
  noCode(state: string): DomainProblem {
    return new DomainProblem(domainError(`${this.flow}.NO_CODE`, 'CONFLICT', 'request a code first', { state }));
  }

  /** A password was sent before the code was verified. */
  notVerified(state: string): DomainProblem {
    return new DomainProblem(domainError(`${this.flow}.TRANSITION_NOT_ALLOWED`, 'CONFLICT', `verify the SMS code first (state ${state})`, { state }));
  }

  /** 400 for a wrong code, with the attempts left; the last one locks the flow. */
  wrongCode(result: { status: string; attemptsLeft: number }): HttpException {
    return new HttpException(
      problem(400, result.status === 'LOCKED' ? `wrong code; the ${this.noun} is now locked` : 'wrong code', {
        code: `${this.flow}.WRONG_CODE`,
        attemptsLeft: result.attemptsLeft,
        state: result.status,
        errors: [{ path: 'code', message: 'wrong code' }],
      }),
      400,
    );
  }
}
