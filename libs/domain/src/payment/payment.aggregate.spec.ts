import { ACCESS_LEVELS, USER_STATUSES } from '../access-level';
import { actor } from '../testing/actors';
import {
  accept,
  author,
  codeStatuses,
  confirmWithCode,
  content,
  dir1,
  dir2,
  errorOf,
  policy,
  recorded,
  request,
  start,
  stranger,
  submit,
  T0,
  TERMS,
  types,
  verdict,
  walk,
} from '../testing/payment-aggregate';
import { decidePaymentCommand, isPaymentStatusFinal, paymentProjection, paymentStatus, paymentWaitingFor, type ApprovalPolicy } from '.';

const submitted = (pol: ApprovalPolicy = policy(), amountTiyn?: string) => walk(start(amountTiyn), submit(author, T0 + 1, pol));

describe('payment aggregate: the document', () => {
  it('starts with the draft, which has no confirmation deadline until it is submitted', () => {
    const p = start();
    expect(p.document.value).toBe('draft');
    expect(p.expiresAt).toBeNull();
    expect(paymentProjection(p, T0).expiresAt).toBeNull();
    expect(paymentWaitingFor(p)).toBe('Draft: waiting for a submission');
  });

  it('a flow started at the first submission (before drafts had one) counts the stored draft down, so a refused start never lingers', () => {
    const p = start(undefined, TERMS, 'submission');
    expect(p.document.value).toBe('draft');
    expect(p.expiresAt).toBe(T0 + TERMS.confirmationTtlMs);
  });

  it('a submission snapshots the approval policy, records SUBMITTED and gives the confirmers the full lifetime', () => {
    const pol: ApprovalPolicy = {
      rules: [
        { minAmountTiyn: '0', requiredConfirmations: 1 },
        { minAmountTiyn: '1000000', requiredConfirmations: 2 },
      ],
      authorMayConfirm: false,
    };
    const d = accept(start('5000000'), submit(author, T0 + 500, pol));
    expect(d.state.document.value).toBe('awaitingConfirmation');
    expect(d.state.document.context.requiredConfirmations).toBe(2);
    expect(d.state.expiresAt).toBe(T0 + 500 + TERMS.confirmationTtlMs);
    expect(d.effects).toEqual([
      { type: 'RECORD', events: [{ type: 'SUBMITTED', actorType: 'USER', actorId: author.userId, details: { version: 1, requiredConfirmations: 2 } }] },
    ]);
    expect(paymentWaitingFor(d.state)).toBe('Waiting for 2 more confirmations (0 of 2)');
  });

  it.each([
    ['1', 1],
    ['999999', 1],
    ['1000000', 2],
    ['50000000', 3],
  ])('the policy asks an amount of %s tiyn for %i confirmations', (amount, required) => {
    const pol: ApprovalPolicy = {
      rules: [
        { minAmountTiyn: '1000000', requiredConfirmations: 2 },
        { minAmountTiyn: '50000000', requiredConfirmations: 3 },
      ],
      authorMayConfirm: false,
    };
    expect(accept(start(amount), submit(author, T0 + 1, pol)).state.document.context.requiredConfirmations).toBe(required);
  });

  it('refuses an invalid policy and another partner (as if the document did not exist)', () => {
    expect(errorOf(start(), submit(author, T0 + 1, { rules: [{ minAmountTiyn: 'x', requiredConfirmations: 0 }], authorMayConfirm: true }))).toBe(
      'PAYMENT.INVALID_APPROVAL_POLICY',
    );
    expect(errorOf(start(), submit(stranger))).toBe('PAYMENT.NOT_FOUND');
  });

  it('an edit of a draft is a new version; the amount operators search by follows', () => {
    const d = accept(start(), { type: 'EDIT', actor: author, content: content('7000000'), at: T0 + 2 });
    expect(d.state.document.context.version).toBe(2);
    expect(d.state.content.amountTiyn).toBe('7000000');
    expect(types(d.effects)).toEqual(['INDEX_AMOUNT', 'RECORD']);
    expect(d.effects[1]).toMatchObject({ type: 'RECORD', document: content('7000000') });
    expect(d.effects[1]).not.toHaveProperty('voidConfirmations');
    expect(recorded(d.effects)).toEqual(['EDITED']);
  });

  it('an edit cancels every code and voids every confirmation of a submitted document (§1.13)', () => {
    const two = submitted(policy(2));
    const once = confirmWithCode(two, dir1, T0 + 10);
    const pending = walk(once, request(dir2, 'ch-2', T0 + 20));
    expect(codeStatuses(pending)).toEqual(['u-dir1:verified', 'u-dir2:issued']);
    const d = accept(pending, { type: 'EDIT', actor: author, content: content('6000000'), at: T0 + 30 });
    expect(d.state.document.value).toBe('draft');
    expect(d.state.document.context.confirmations).toEqual([]);
    expect(codeStatuses(d.state)).toEqual(['u-dir1:verified', 'u-dir2:cancelled']);
    expect(recorded(d.effects)).toEqual(['RETURNED', 'EDITED']);
    expect(d.effects[1]).toMatchObject({ voidConfirmations: { userId: null, reason: 'DOCUMENT_CHANGED' } });
    // The old code names a version and content that no longer exist.
    expect(errorOf(d.state, verdict(dir2, 'ch-2', true, T0 + 31))).toBe('CHALLENGE.TRANSITION_NOT_ALLOWED');
  });

  it('a return voids confirmations and codes; a reason is required and must be clean text', () => {
    const pending = walk(submitted(policy(2)), request(dir1, 'ch-1', T0 + 5));
    expect(errorOf(pending, { type: 'RETURN', actor: dir1, reason: '  ', at: T0 + 6 })).toBe('PAYMENT.REASON_REQUIRED');
    expect(errorOf(pending, { type: 'RETURN', actor: dir1, reason: 'bad\u0000', at: T0 + 6 })).toBe('PAYMENT.REASON_INVALID');
    const d = accept(pending, { type: 'RETURN', actor: dir1, reason: 'Wrong KNP', at: T0 + 6 });
    expect(d.state.document.value).toBe('draft');
    expect(d.state.document.context.version).toBe(2);
    expect(codeStatuses(d.state)).toEqual(['u-dir1:cancelled']);
    expect(d.effects).toEqual([
      {
        type: 'RECORD',
        events: [{ type: 'RETURNED', actorType: 'USER', actorId: dir1.userId, details: { reason: 'Wrong KNP', version: 2 } }],
        voidConfirmations: { userId: null, reason: 'RETURNED' },
      },
    ]);
  });

  it('a cancellation is final and closes every open code', () => {
    const pending = walk(submitted(), request(dir1, 'ch-1', T0 + 5));
    const d = accept(pending, { type: 'CANCEL', actor: author, at: T0 + 6 });
    expect(paymentStatus(d.state.document)).toBe('CANCELLED');
    expect(codeStatuses(d.state)).toEqual(['u-dir1:cancelled']);
    expect(recorded(d.effects)).toEqual(['CANCELLED']);
    expect(paymentWaitingFor(d.state)).toBe('Done: cancelled');
    expect(errorOf(d.state, submit())).toBe('PAYMENT.TRANSITION_NOT_ALLOWED');
  });

  it('expiry ends an unconfirmed document, closes its codes and records EXPIRED; the projection drops the deadline', () => {
    const pending = walk(submitted(), request(dir1, 'ch-1', T0 + 5));
    const d = accept(pending, { type: 'EXPIRE', at: T0 + 1 + TERMS.confirmationTtlMs });
    expect(paymentStatus(d.state.document)).toBe('EXPIRED');
    expect(codeStatuses(d.state)).toEqual(['u-dir1:cancelled']);
    expect(recorded(d.effects)).toEqual(['EXPIRED']);
    expect(paymentProjection(d.state, T0).expiresAt).toBeNull();
    expect(paymentProjection(pending, T0).expiresAt).toBe(new Date(T0 + 1 + TERMS.confirmationTtlMs).toISOString());
  });

  // §1.2.1: the timer may fire as a resubmission moves the deadline; the aggregate, not the timer, says whether it passed.
  it('expiry before the deadline is refused, and the document stays as it was', () => {
    const pending = submitted();
    const deadline = T0 + 1 + TERMS.confirmationTtlMs;
    const early = decidePaymentCommand(pending, { type: 'EXPIRE', at: deadline - 1 });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'PAYMENT.EXPIRY_NOT_DUE', kind: 'CONFLICT', details: { expiresAt: new Date(deadline).toISOString() } },
    });
    expect(paymentStatus(accept(pending, { type: 'EXPIRE', at: deadline }).state.document)).toBe('EXPIRED');
    // Returned and resubmitted: the old deadline no longer counts, the new one does.
    const resubmitted = walk(pending, { type: 'RETURN', actor: dir1, reason: 'fix', at: T0 + 100 }, submit(author, T0 + 200));
    expect(errorOf(resubmitted, { type: 'EXPIRE', at: deadline })).toBe('PAYMENT.EXPIRY_NOT_DUE');
    expect(paymentStatus(accept(resubmitted, { type: 'EXPIRE', at: T0 + 200 + TERMS.confirmationTtlMs }).state.document)).toBe('EXPIRED');
  });

  it('a draft never submitted has no deadline: its expiry is refused whenever asked', () => {
    expect(errorOf(start(), { type: 'EXPIRE', at: T0 + 10 ** 9 })).toBe('PAYMENT.EXPIRY_NOT_DUE');
    const edited = accept(start(), { type: 'EDIT', actor: author, content: content('7000'), at: T0 + 5 }).state;
    expect(edited.expiresAt).toBeNull();
    expect(errorOf(edited, { type: 'EXPIRE', at: T0 + 10 ** 9 })).toBe('PAYMENT.EXPIRY_NOT_DUE');
  });

  it('a returned draft keeps the deadline of its submission', () => {
    const returned = walk(submitted(), { type: 'RETURN', actor: dir1, reason: 'fix', at: T0 + 100 });
    expect(returned.expiresAt).toBe(T0 + 1 + TERMS.confirmationTtlMs);
    expect(paymentStatus(accept(returned, { type: 'EXPIRE', at: T0 + 1 + TERMS.confirmationTtlMs }).state.document)).toBe('EXPIRED');
  });

  it('an edit made on an older version is refused: the whole document it carries would undo the newer one', () => {
    const first = accept(start(), { type: 'EDIT', actor: author, content: content('7000'), baseVersion: 1, at: T0 + 5 }).state;
    expect(first.document.context.version).toBe(2);
    const late = decidePaymentCommand(first, { type: 'EDIT', actor: author, content: content('8000'), baseVersion: 1, at: T0 + 6 });
    expect(late).toMatchObject({ ok: false, error: { code: 'PAYMENT.CHANGED_MEANWHILE', kind: 'CONFLICT', details: { currentVersion: 2 } } });
    expect(accept(first, { type: 'EDIT', actor: author, content: content('8000'), baseVersion: 2, at: T0 + 6 }).state.content.amountTiyn).toBe('8000');
    // Without a base version (updates sent before it existed) an edit applies to whatever is current.
    expect(accept(first, { type: 'EDIT', actor: author, content: content('9000'), at: T0 + 6 }).state.document.context.version).toBe(3);
  });

  it('knows the final statuses from the machine, for readers that only have a row', () => {
    const statuses = ['DRAFT', 'AWAITING_CONFIRMATION', 'PARTIALLY_CONFIRMED', 'SENT_TO_BANK', 'EXECUTED', 'REFUSED', 'CANCELLED', 'EXPIRED'];
    expect(statuses.filter(isPaymentStatusFinal)).toEqual(['EXECUTED', 'REFUSED', 'CANCELLED', 'EXPIRED']);
    expect(isPaymentStatusFinal('NO_SUCH_STATUS')).toBe(false);
  });

  it('expiry leaves a document with the bank, or a final one, as it is (no effects)', () => {
    const sent = confirmWithCode(submitted(), dir1, T0 + 10);
    expect(accept(sent, { type: 'EXPIRE', at: T0 + 10 ** 7 })).toEqual({ ok: true, state: sent, effects: [] });
  });
});

describe('payment aggregate: codes and confirmations', () => {
  it('a code request records first, then sends the code bound to the current version', () => {
    const d = accept(submitted(), request(dir1, 'ch-1', T0 + 5));
    expect(d.effects).toEqual([
      { type: 'LIST_USERS', userIds: [dir1.userId] },
      { type: 'RECORD', events: [{ type: 'CONFIRMATION_REQUESTED', actorType: 'USER', actorId: dir1.userId, details: { challengeId: 'ch-1', version: 1 } }] },
      { type: 'SEND_CODE', challengeId: 'ch-1', userId: dir1.userId, version: 1, expiresAt: new Date(T0 + 5 + TERMS.codeTtlMs).toISOString() },
    ]);
    expect(d.state.codes.entries[0]!.state.context.binding).toMatchObject({ paymentId: 'pay-1', version: '1', amountTiyn: '5000000', userId: dir1.userId });
  });

  // §1.2.1: only ACTIVE full-access users of the partner confirm; everyone else hears why at once.
  it.each(ACCESS_LEVELS.flatMap((level) => USER_STATUSES.map((status) => [level, status] as const)))(
    'a %s %s user may request a code only when ACTIVE with full access',
    (level, status) => {
      const who = actor('u-x', 'partner-1', level, status);
      const code = errorOf(submitted(), request(who, 'ch', T0 + 5));
      if (level === 'FULL_ACCESS' && status === 'ACTIVE') expect(code).toBeNull();
      else expect(code).toMatch(/^ACCESS\./);
    },
  );

  it('the author confirms only where the policy allows it', () => {
    const full = actor(author.userId, 'partner-1', 'FULL_ACCESS');
    expect(errorOf(submitted(policy(1, false)), request(full, 'ch', T0 + 5))).toBe('PAYMENT.AUTHOR_MAY_NOT_CONFIRM');
    expect(errorOf(submitted(policy(1, true)), request(full, 'ch', T0 + 5))).toBeNull();
  });

  it('a new code waits for the resend cooldown, and supersedes the previous one', () => {
    const once = walk(submitted(), request(dir1, 'ch-1', T0 + 5));
    expect(errorOf(once, request(dir1, 'ch-2', T0 + 5 + TERMS.codeResendCooldownMs - 1))).toBe('PAYMENT.CODE_RESEND_COOLDOWN');
    const twice = walk(once, request(dir1, 'ch-2', T0 + 5 + TERMS.codeResendCooldownMs));
    expect(codeStatuses(twice)).toEqual(['u-dir1:cancelled', 'u-dir1:issued']);
    expect(twice.codes.entries[0]!.state.context.cancelReason).toBe('SUPERSEDED');
  });

  it('a wrong code spends an attempt that stands even if not recorded; the last one locks it', () => {
    let p = walk(submitted(), request(dir1, 'ch-1', T0 + 5));
    for (let left = TERMS.codeMaxAttempts - 1; left >= 0; left -= 1) {
      const d = accept(p, verdict(dir1, 'ch-1', false, T0 + 6));
      const next = d.state.codes.entries[0]!.state;
      expect(d.effects).toEqual([
        { type: 'KEEP_CODE_ATTEMPT', challengeId: 'ch-1', state: next },
        {
          type: 'RECORD',
          events: [{ type: 'CODE_REJECTED', actorType: 'USER', actorId: dir1.userId, details: { challengeId: 'ch-1', attemptsLeft: left, locked: left === 0 } }],
        },
      ]);
      p = d.state;
    }
    expect(codeStatuses(p)).toEqual(['u-dir1:locked']);
    expect(errorOf(p, verdict(dir1, 'ch-1', true, T0 + 7))).toBe('CHALLENGE.TRANSITION_NOT_ALLOWED');
  });

  it('a code expires after its lifetime, and belongs to the user it was sent to', () => {
    const p = walk(submitted(), request(dir1, 'ch-1', T0 + 5));
    expect(errorOf(p, verdict(dir1, 'ch-1', true, T0 + 6 + TERMS.codeTtlMs))).toBe('CHALLENGE.EXPIRED');
    expect(errorOf(p, verdict(dir2, 'ch-1', true, T0 + 6))).toBe('PAYMENT.CHALLENGE_NOT_FOUND');
    expect(errorOf(p, verdict(dir1, 'nope', true, T0 + 6))).toBe('PAYMENT.CHALLENGE_NOT_FOUND');
  });

  it('confirmations count once each up to the policy; the last one sends it to the bank with a fixed value date', () => {
    const once = confirmWithCode(submitted(policy(2)), dir1, T0 + 10);
    expect(once.document.value).toBe('partiallyConfirmed');
    expect(paymentWaitingFor(once)).toBe('Waiting for 1 more confirmation (1 of 2)');
    expect(errorOf(once, request(dir1, 'again', T0 + 20))).toBe('PAYMENT.ALREADY_CONFIRMED_BY_USER');
    const req = accept(once, request(dir2, 'ch-2', T0 + 20)).state;
    const d = accept(req, verdict(dir2, 'ch-2', true, T0 + 21));
    expect(paymentStatus(d.state.document)).toBe('SENT_TO_BANK');
    expect(d.state.sentValueDate).toBe('2026-03-02');
    expect(d.effects).toEqual([
      { type: 'LIST_USERS', userIds: [dir1.userId, dir2.userId] },
      {
        type: 'RECORD',
        events: [
          { type: 'CONFIRMED', actorType: 'USER', actorId: dir2.userId, details: { challengeId: 'ch-2', version: 1, confirmations: 2 } },
          { type: 'SENT_TO_BANK', actorType: 'SYSTEM', actorId: null, details: { valueDate: '2026-03-02' } },
        ],
        confirmation: { userId: dir2.userId, version: 1, challengeId: 'ch-2' },
      },
    ]);
    // The value date no longer follows the clock once with the bank.
    expect(paymentProjection(d.state, T0 + 3 * 86_400_000).valueDate).toBe('2026-03-02');
  });

  it('before the bank the value date follows the clock: after the cut-off it is the next working day', () => {
    const friday = Date.UTC(2026, 2, 6, 14, 0, 0); // 19:00 in Almaty
    expect(paymentProjection(submitted(), friday).valueDate).toBe('2026-03-09');
  });

  it('a blocked user loses their open codes at once, and the users list keeps everyone the flow acts for', () => {
    const p = walk(submitted(policy(2)), request(dir1, 'ch-1', T0 + 5));
    const d = accept(p, { type: 'BLOCK_USER', userId: dir1.userId });
    expect(codeStatuses(d.state)).toEqual(['u-dir1:cancelled']);
    expect(d.effects).toEqual([]);
    // No open code: the same value comes back.
    expect(accept(d.state, { type: 'BLOCK_USER', userId: dir1.userId }).state).toBe(d.state);
  });
});
