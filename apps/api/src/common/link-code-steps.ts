import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { domainError, type DomainError } from '@domain/domain-error';
import { refused, success, wrongCodeRefusal, type Outcome } from '@domain/refusal';
import { refusalFromTemporal } from './temporal-errors';

/** What a link-and-code workflow is known by when it can't be asked: its mirrored row. */
export interface LinkCodeRow {
  workflowId: string;
  status: string;
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
  async view<V>(row: LinkCodeRow & { expiresAt: Date }, query: QueryDefinition<V>) {
    try {
      return await this.temporal.workflow.getHandle(row.workflowId).query(query);
    } catch {
      return { status: row.status, expiresAt: row.expiresAt.toISOString(), codeExpiresAt: null, resendAvailableAt: null };
    }
  }

  /**
   * An Update to the workflow: its answer, or its refusal. One that has ended refuses
   * with the final state `ended()` reads (409).
   */
  async update<R, A extends unknown[]>(workflowId: string, def: UpdateDefinition<R, A>, args: A, ended: () => Promise<string>): Promise<Outcome<R>> {
    try {
      const handle = this.temporal.workflow.getHandle(workflowId);
      return success(await handle.executeUpdate(def as unknown as UpdateDefinition<R, [unknown]>, { args: args as unknown as [unknown] }));
    } catch (error) {
      const refusal = refusalFromTemporal(error);
      if (refusal) return refused(refusal);
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      const state = await ended();
      return refused(domainError(`${this.flow}.TRANSITION_NOT_ALLOWED`, 'CONFLICT', `this ${this.noun} has ended (${state})`, { state }));
    }
  }

  /** A code was entered before any was sent. */
  noCode(state: string): DomainError {
    return domainError(`${this.flow}.NO_CODE`, 'CONFLICT', 'request a code first', { state });
  }

  /** A password was sent before the code was verified. */
  notVerified(state: string): DomainError {
    return domainError(`${this.flow}.TRANSITION_NOT_ALLOWED`, 'CONFLICT', `verify the SMS code first (state ${state})`, { state });
  }

  /** A wrong code, with the attempts left; the last one locks the flow (§1.11). */
  wrongCode(result: { status: string; attemptsLeft: number }): DomainError {
    const locked = result.status === 'LOCKED';
    return wrongCodeRefusal(
      this.flow,
      { attemptsLeft: result.attemptsLeft, locked, state: result.status },
      { wrong: 'wrong code', locked: `wrong code; the ${this.noun} is now locked`, field: 'wrong code' },
    );
  }
}
