import { log, patched, sleep, workflowInfo } from '@temporalio/workflow';
import type { PaymentStatus } from '@domain/payment';
import { stepNotRecorded } from '@domain/payment/payment.errors';
import type { TransitionRecord } from '../shared/audit.activities.contract';
import { refusal } from '../shared/refusal';
import { StepLock } from '../shared/step-lock';
import { WriteFailed } from '../shared/write-failure';
import type { CoreBankingActivities } from './core-banking.activities.contract';
import type { PaymentActivities, PaymentRecord } from './payment.activities.contract';
import type { PaymentWorkflowInput } from './payment.messages';
import { createProxies } from './payment-proxies';
import type { PaymentState } from './payment-state';

export interface PaymentRuntime {
  readonly state: PaymentState;
  readonly input: PaymentWorkflowInput;
  readonly urgent: PaymentActivities;
  readonly bank: CoreBankingActivities;
  /** Runs activities one after another in the order steps were taken (see below). */
  queue<T>(run: () => Promise<T>): Promise<T>;
  /**
   * Takes one step (decide → apply → write) while no other step runs. If the write fails, the
   * state the step started from is put back and the step is refused with PAYMENT.STEP_NOT_RECORDED.
   */
  step<T>(name: string, body: () => Promise<T>): Promise<T>;
  /** Within a step: a change that stands even if the step is put back (fail closed: a wrong code counts). */
  keep(change: () => void): void;
  /** A step the flow takes by itself (timer, signal): false when refused; the caller retries later. */
  systemStep(name: string, body: () => Promise<void>): Promise<boolean>;
  /** Queues the write of a step (taken synchronously by the caller) and its audit transition. */
  persist(record: PaymentRecord): Promise<void>;
  /** The write of a step after which money may have moved: it cannot be undone, so it is retried until it lands. */
  persistUntilWritten(record: PaymentRecord): Promise<void>;
  /** Resolves once every queued activity has finished. */
  idle(): Promise<void>;
}

/** Since this patch a payment write carries its status transition (see `write`). */
const TRANSITION_IN_RECORD = 'transition-in-payment-record';

/** Between two tries of a refused system step (and of a write that must land). */
const PAUSE = '1 minute';

/**
 * Handlers run concurrently between awaits, so two steps could write PostgreSQL out of
 * order; one queue keeps writes, codes and the bank call in the order the steps were
 * taken — the bank never reads a document older than the one that was confirmed. Steps
 * themselves are serialised by a lock, so none is ever derived from one that gets rolled back.
 *
 * Why the row and the workflow agree: each record carries the whole projection and a growing
 * revision, and a step's new state is kept only if its write succeeded. A data error rolls the
 * one-transaction write back, so the row still shows the last kept step; a write whose retries
 * ran out may have committed, so the restored state is written again at a newer revision.
 */
export function createRuntime(state: PaymentState, input: PaymentWorkflowInput): PaymentRuntime {
  const { workflowId } = workflowInfo();
  const { io, urgent, bank, ledger } = createProxies(input.settings);
  const lock = new StepLock();
  let tail: Promise<unknown> = Promise.resolve();
  let audited: string = state.status;
  /** Whether the running step has a write that committed (then it is kept whatever follows). */
  let step: { wrote: boolean; kept: (() => void)[] } | null = null;
  let unsynced = false;
  /** The status of the last write whose retries ran out: it may have committed, until a later write lands. */
  let uncertain: PaymentStatus | null = null;
  const queue = <T>(run: () => Promise<T>): Promise<T> => {
    const next = tail.then(run);
    tail = next.catch(() => undefined);
    return next;
  };
  const quietly = (run: () => Promise<unknown>) => void queue(run).catch(() => undefined);

  type AuditExtra = Pick<TransitionRecord, 'from' | 'to'> & Partial<Pick<TransitionRecord, 'outcome' | 'code' | 'actorId' | 'actorType'>>;
  const transitionOf = (event: string, { from, to, actorId, actorType, ...failure }: AuditExtra): TransitionRecord => ({
    workflowId,
    flow: 'payment',
    from,
    to,
    partnerId: input.partnerId,
    actorId: actorId ?? null,
    actorType: actorType ?? 'SYSTEM',
    event,
    ...failure,
  });

  /** `owner`: the step this write belongs to (none for a re-write of a put-back state). */
  const write = (record: PaymentRecord, via: typeof io | typeof ledger, owner = step): Promise<void> => {
    const before = audited;
    const to = record.state.status;
    const cause = record.events[0];
    const changed = to !== audited;
    // The row may show a status whose write ran out of retries after committing: going back is a transition too.
    const putBackFrom = !changed && uncertain !== null && uncertain !== to ? uncertain : null;
    const transition = changed
      ? transitionOf(cause?.type ?? 'UNKNOWN', { from: audited, to, actorId: cause?.actorId ?? null, actorType: cause?.actorType ?? 'SYSTEM' })
      : putBackFrom !== null
        ? transitionOf('PUT_BACK', { from: putBackFrom, to })
        : null;
    // The write's own transaction records the transition: never one without the other (§1.15).
    // Histories from before kept it a separate activity after the write, and replay it so.
    const inRecord = transition !== null && patched(TRANSITION_IN_RECORD);
    const sent: PaymentRecord = inRecord ? { ...record, transition, ...(putBackFrom !== null ? { transitionIfRowIs: putBackFrom } : {}) } : record;
    let committed = false;
    const written = queue(() => via.recordPayment(sent)).then(
      () => {
        committed = true;
        uncertain = null;
        state.committed(record.revision);
        if (owner) owner.wrote = true;
      },
      (error: unknown) => {
        // Not recorded, so not transitioned: a later write of the same status audits it.
        if (audited === record.state.status) audited = before;
        const failed = WriteFailed.of(error);
        if (inRecord && changed && failed?.retryable) uncertain = to;
        throw failed ?? error;
      },
    );
    if (changed) {
      audited = to;
      // Audited only once the step is recorded: a refused step never shows as a transition.
      // (A flag, not `written.then`: the transition is scheduled exactly when it always was — replay.)
      if (!inRecord) {
        quietly(async () => {
          if (committed) await io.recordTransition(transition!);
        });
      }
    }
    return written;
  };

  /** After a failed write the state was put back; the row must show it again (see above). */
  const resync = async (): Promise<boolean> => {
    try {
      await write(state.record([]), io, null);
      unsynced = false;
      return true;
    } catch {
      unsynced = true;
      return false;
    }
  };

  const take = <T>(name: string, body: () => Promise<T>): Promise<T> =>
    lock.run(async () => {
      if (unsynced) await resync();
      const before = state.snapshot();
      const auditedBefore = audited;
      const current: NonNullable<typeof step> = { wrote: false, kept: [] };
      step = current;
      try {
        return await body();
      } catch (error) {
        if (!current.wrote) {
          state.restore(before);
          audited = auditedBefore;
          for (const change of current.kept) change();
        }
        if (!(error instanceof WriteFailed)) throw error;
        // Seen by the operator: an audit entry (and this workflow's history in the Temporal UI).
        log.error('payment step not recorded', { alert: 'PAYMENT_STEP_NOT_RECORDED', step: name, reason: error.reason, paymentId: input.paymentId });
        const now = state.status;
        quietly(() => io.recordTransition(transitionOf(name, { from: now, to: now, outcome: 'FAILURE', code: error.reason })));
        if (error.retryable) void resync();
        throw refusal(stepNotRecorded(name, error.retryable));
      } finally {
        step = null;
      }
    });

  return {
    state,
    input,
    urgent,
    bank,
    queue,
    step: take,
    keep(change) {
      step?.kept.push(change);
    },
    async systemStep(name, body) {
      try {
        await take(name, body);
        return true;
      } catch {
        await sleep(PAUSE);
        return false;
      }
    },
    persist: (record) => write(record, io),
    async persistUntilWritten(record) {
      for (;;) {
        try {
          return await write(record, ledger);
        } catch (error) {
          // Only a data error gets here (the ledger proxy retries the rest): the worker has alerted.
          log.error('payment record after the bank keeps failing', { alert: 'PAYMENT_BANK_OUTCOME_NOT_RECORDED', paymentId: input.paymentId, error: String(error) });
          await sleep(PAUSE);
        }
      }
    },
    idle: () => queue(async () => undefined),
  };
}
