import {
  challengeStatus,
  decideChallenge,
  initialChallengeState,
  isChallengeFinal,
  type ChallengeBinding,
  type ChallengeContext,
  type ChallengeEvent,
} from '../../../libs/domain/src/challenge';
import type { MachineState } from '../../../libs/domain/src/machine-state';
import { challengeNotFound } from '../../../libs/domain/src/payment';
import { refusal } from '../shared/refusal';
import type { PaymentChallengeView } from './payment.messages';

export interface PaymentChallengeEntry {
  readonly userId: string;
  /** The document version the code was bound to. */
  readonly version: number;
  state: MachineState<ChallengeContext>;
}

export interface ChallengesSnapshot {
  entries: ReadonlyArray<readonly [string, PaymentChallengeEntry]>;
  lastIssued: ReadonlyArray<[string, number]>;
  codeUsers: readonly string[];
}

/**
 * The confirmation codes of one document (§1.13), one challenge machine each. A challenge
 * belongs to the user it was sent to: anyone else asking about it hears NOT_FOUND.
 */
export class PaymentChallenges {
  private readonly entries = new Map<string, PaymentChallengeEntry>();
  /** When each user was last sent a code for each version of this document (resend cooldown). */
  private readonly lastIssued = new Map<string, number>();
  private readonly codeUsers = new Set<string>();

  issue(input: {
    challengeId: string;
    userId: string;
    version: number;
    binding: ChallengeBinding;
    at: number;
    ttlMs: number;
    maxAttempts: number;
  }): MachineState<ChallengeContext> {
    // A new code supersedes the user's previous one for this document.
    this.cancel((entry) => entry.userId === input.userId, 'SUPERSEDED');
    const state = initialChallengeState({
      purpose: 'PAYMENT',
      binding: input.binding,
      issuedAt: input.at,
      ttlMs: input.ttlMs,
      maxAttempts: input.maxAttempts,
    });
    this.entries.set(input.challengeId, { userId: input.userId, version: input.version, state });
    this.lastIssued.set(`${input.userId}/${input.version}`, input.at);
    this.codeUsers.add(input.userId);
    return state;
  }

  /** A new version is a new thing to confirm: its first code is never held back. */
  lastIssuedAt(userId: string, version: number): number | null {
    return this.lastIssued.get(`${userId}/${version}`) ?? null;
  }

  /** The user's own challenge, or NOT_FOUND. */
  find(challengeId: string, userId: string): PaymentChallengeEntry {
    const entry = this.entries.get(challengeId);
    if (!entry || entry.userId !== userId) throw refusal(challengeNotFound());
    return entry;
  }

  /** Validator use: the challenge's next state, or the domain's refusal thrown. */
  check(entry: PaymentChallengeEntry, event: ChallengeEvent): MachineState<ChallengeContext> {
    const decision = decideChallenge(entry.state, event);
    if (!decision.ok) throw refusal(decision.error);
    return decision.state;
  }

  /** Cancels every open challenge that `which` selects (document changed, user blocked, flow ended). */
  cancel(which: (entry: PaymentChallengeEntry) => boolean, reason: string): void {
    for (const entry of this.entries.values()) {
      if (which(entry) && !isChallengeFinal(entry.state)) entry.state = this.check(entry, { type: 'CANCEL', reason });
    }
  }

  /** A copy to roll back to when a step's write fails (entries' states are immutable values). */
  snapshot(): ChallengesSnapshot {
    return {
      entries: [...this.entries].map(([id, e]) => [id, { ...e }] as const),
      lastIssued: [...this.lastIssued],
      codeUsers: [...this.codeUsers],
    };
  }

  restore(s: ChallengesSnapshot): void {
    this.entries.clear();
    for (const [id, e] of s.entries) this.entries.set(id, { ...e });
    this.lastIssued.clear();
    for (const [k, v] of s.lastIssued) this.lastIssued.set(k, v);
    this.codeUsers.clear();
    for (const u of s.codeUsers) this.codeUsers.add(u);
  }

  /** Every user who was ever sent a code for this document. */
  users(): string[] {
    return [...this.codeUsers];
  }

  view(): PaymentChallengeView[] {
    return [...this.entries.entries()].map(([challengeId, entry]) => ({
      challengeId,
      userId: entry.userId,
      version: entry.version,
      status: challengeStatus(entry.state),
      expiresAt: new Date(entry.state.context.expiresAt).toISOString(),
      attemptsLeft: entry.state.context.attemptsLeft,
    }));
  }
}
