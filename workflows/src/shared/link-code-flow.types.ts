import type { QueryDefinition, SignalDefinition, UpdateDefinition } from '@temporalio/common';
import type { MachineState } from '@domain/machine-state';
import type { RegistrationContext, RegistrationInput } from '@domain/registration';
import type { TransitionActor } from './transition-trail';

// The parts of a flow run on the registration machine by shared/link-code-flow.

export type LinkCodeState = MachineState<RegistrationContext>;

export interface LinkCodeView<S extends string> {
  status: S;
  expiresAt: string;
  codeExpiresAt: string | null;
  resendAvailableAt: string | null;
  attemptsLeft: number;
  codesIssued: number;
}

/** The messages of one link-and-code flow; their names stay those of its `*.messages.ts`. */
export interface LinkCodeMessages<S extends string, R extends string> {
  state: QueryDefinition<LinkCodeView<S>>;
  requestCode: UpdateDefinition<{ codeNo: number; codeExpiresAt: string; resendAvailableAt: string }>;
  checkCode: UpdateDefinition<{ status: S; attemptsLeft: number }, [{ codeNo: number; correct: boolean }]>;
  passwordSet: UpdateDefinition<{ status: S }>;
  cancel: SignalDefinition<[{ reason: R }]>;
}

/** A status change to audit: the last step taken before it was recorded, and who took it. */
export type LinkCodeTransition<S extends string> = { from: S | null; to: S; event: string } & TransitionActor;

/**
 * What differs between the flows on the registration machine. The I/O members must
 * return the promise of the one call they make (no `async` wrapper adding turns):
 * the flow awaits them where the workflows always did, so commands keep the order
 * of the recorded histories (workflows/histories).
 */
export interface LinkCodeFlow<S extends string, R extends string> {
  userId: string;
  lifetimes: RegistrationInput;
  /** When the link dies (epoch ms on the workflow clock). */
  expiresAt: number;
  /** The client-facing name of the machine's status. */
  status: (state: LinkCodeState) => S;
  messages: LinkCodeMessages<S, R>;
  sendLink(expiresAt: string): Promise<void>;
  sendCode(codeNo: number, expiresAt: string): Promise<void>;
  /** Applies the password the API stored, before the update answers. */
  passwordSet(): Promise<void>;
  recordStatus(status: S): Promise<void>;
  /** Audits after each recorded status: the change since the last one, or (a flow with a trail) every step noted. */
  recordTransition(transition: LinkCodeTransition<S>): Promise<void>;
  /** Each status after a step, synchronously (never from a validator); first with `START`. */
  stepped?(to: S, event: string, actor: TransitionActor): void;
}
