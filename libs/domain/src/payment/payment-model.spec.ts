import type { MachineState } from '../machine-state';
import { actor, everyActor } from '../testing/actors';
import { go, modelSuite, no, type Expected } from '../testing/model-suite';
import {
  decidePayment,
  initialPaymentState,
  paymentMachine,
  paymentStatus,
  PaymentErrorCode as Code,
  type ApprovalPolicy,
  type PaymentContext,
  type PaymentEvent,
} from './';

type State = MachineState<PaymentContext>;
const T0 = 1_700_000_000_000;
const P = 'partner-1';
const SMALL = '5000000'; // 50 000.00 KZT
const LARGE = '20000000'; // 200 000.00 KZT

/** Test policies with their confirmations worked out by hand (§1.2.1 interpretation). */
const POLICIES: ReadonlyArray<{ policy: ApprovalPolicy; needs: (amountTiyn: string) => number }> = [
  { policy: { rules: [], authorMayConfirm: true }, needs: () => 1 },
  {
    policy: {
      rules: [
        { minAmountTiyn: '0', requiredConfirmations: 1 },
        { minAmountTiyn: '10000000', requiredConfirmations: 2 },
      ],
      authorMayConfirm: false,
    },
    needs: (amount) => (amount === LARGE ? 2 : 1),
  },
  {
    policy: { rules: [{ minAmountTiyn: '10000000', requiredConfirmations: 3 }], authorMayConfirm: true },
    needs: (amount) => (amount === LARGE ? 3 : 1),
  },
];
const BROKEN: ApprovalPolicy = { rules: [{ minAmountTiyn: '10', requiredConfirmations: 0 }], authorMayConfirm: true };

const author = actor('u-author', P); // full access, so the policy decides whether they may confirm
const directors = [author, actor('u-dir1', P), actor('u-dir2', P)];
const start = initialPaymentState({ author, amountTiyn: SMALL, at: T0 });

/**
 * Realistic commands; edits and returns stop at `maxVersion` so the graph is finite.
 * `blocked` picks whose confirmations may be withdrawn (§1.14): all of them, unless given.
 */
const commands =
  (maxVersion: number, policies: ReadonlyArray<ApprovalPolicy>, blocked = (_userId: string) => true) =>
  ({ context: c }: State): PaymentEvent[] => {
    const changes: PaymentEvent[] = [
      { type: 'EDIT', actor: author, amountTiyn: c.amountTiyn === SMALL ? LARGE : SMALL, at: T0 },
      { type: 'RETURN', actor: directors[1]!, reason: 'wrong purpose code', at: T0 },
    ];
    return [
      ...(c.version < maxVersion ? changes : []),
      ...policies.map((policy) => ({ type: 'SUBMIT', actor: author, policy, at: T0 }) as const),
      ...directors.map((who) => ({ type: 'CONFIRM', actor: who, version: c.version, at: T0 }) as const),
      { type: 'CANCEL', actor: author, at: T0 },
      ...c.confirmations.filter((x) => blocked(x.userId)).map((x) => ({ type: 'WITHDRAW_CONFIRMATION', userId: x.userId, at: T0 }) as const),
      { type: 'HANDED_TO_CORE_BANKING', at: T0 },
      { type: 'BANK_EXECUTED', at: T0 },
      { type: 'BANK_REFUSED', reason: 'insufficient funds', at: T0 },
      { type: 'EXPIRED', at: T0 },
    ];
  };

/** States and probes: two edits or returns, every policy. */
const explore = commands(
  3,
  POLICIES.map((p) => p.policy),
);
/**
 * Simple paths: one edit or return, the extreme policies and one blockable confirmer (else
 * ~12 000 paths of the same steps; withdrawing anyone's, also from the bank, ~7 000).
 */
const pathEvents = commands(2, [POLICIES[0]!.policy, POLICIES[2]!.policy], (userId) => userId === 'u-dir1');

/** Every kind of user (author or not, each level and status, this partner or another) tries everything. */
const probes = (state: State): PaymentEvent[] => {
  const { version } = state.context;
  // Another partner's users are refused before anything else is looked at: one of them suffices per level and status.
  const users = [...everyActor(['u-author', 'u-dir1', 'u-clerk'], [P]), ...everyActor(['u-author'], ['partner-2'])];
  return [
    ...explore(state),
    ...users.flatMap((who): PaymentEvent[] => [
      { type: 'EDIT', actor: who, amountTiyn: LARGE, at: T0 },
      { type: 'EDIT', actor: who, amountTiyn: '0', at: T0 },
      { type: 'SUBMIT', actor: who, policy: POLICIES[1]!.policy, at: T0 },
      { type: 'SUBMIT', actor: who, policy: BROKEN, at: T0 },
      { type: 'CONFIRM', actor: who, version, at: T0 },
      { type: 'CONFIRM', actor: who, version: version - 1, at: T0 },
      { type: 'RETURN', actor: who, reason: 'beneficiary changed', at: T0 },
      { type: 'RETURN', actor: who, reason: ' ', at: T0 },
      { type: 'RETURN', actor: who, reason: 'a\u0000b', at: T0 },
      { type: 'CANCEL', actor: who, at: T0 },
    ]),
    { type: 'WITHDRAW_CONFIRMATION', userId: 'u-dir1', at: T0 },
    { type: 'WITHDRAW_CONFIRMATION', userId: 'u-nobody', at: T0 },
  ];
};

const OPEN = new Set(['draft', 'awaitingConfirmation', 'partiallyConfirmed']);
const CONFIRMING = new Set(['awaitingConfirmation', 'partiallyConfirmed']);
/** Before core banking has it, a blocked confirmer's confirmation still counts for nothing (§1.14). */
const WITHDRAWABLE = new Set(['partiallyConfirmed', 'sentToBank']);
const WITH_BANK = new Set(['sentToBank', 'handedToCoreBanking']);

/** §1.2, §1.13, §1.14, §2.4 restated without the machine or the permission table. */
const oracle = ({ value, context: c }: State, e: PaymentEvent): Expected<PaymentContext> => {
  if ('actor' in e && e.actor.partnerId !== c.partnerId) return no(Code.NOT_FOUND);
  const notHere = no<PaymentContext>(Code.TRANSITION_NOT_ALLOWED);
  if (!OPEN.has(value) && !WITH_BANK.has(value)) return notHere;
  if ('actor' in e) {
    if (e.actor.status !== 'ACTIVE') return no('ACCESS.USER_NOT_ACTIVE');
    if (e.type === 'CONFIRM' && e.actor.accessLevel !== 'FULL_ACCESS') return no('ACCESS.FORBIDDEN');
  }
  switch (e.type) {
    case 'EDIT':
      if (value !== 'draft') return notHere;
      if (!/^[1-9][0-9]*$/.test(e.amountTiyn)) return no(Code.INVALID_AMOUNT);
      return go('draft', { ...c, amountTiyn: e.amountTiyn, version: c.version + 1 });
    case 'SUBMIT': {
      if (value !== 'draft') return notHere;
      const known = POLICIES.find((p) => p.policy === e.policy);
      if (!known) return no(Code.INVALID_APPROVAL_POLICY);
      const requiredConfirmations = known.needs(c.amountTiyn);
      const submitted = { policy: e.policy, requiredConfirmations, submittedAt: e.at, returnReason: null };
      return go('awaitingConfirmation', { ...c, ...submitted });
    }
    case 'CONFIRM': {
      if (!CONFIRMING.has(value)) return notHere;
      if (e.version !== c.version) return no(Code.STALE_VERSION);
      if (c.confirmations.some((x) => x.userId === e.actor.userId)) return no(Code.ALREADY_CONFIRMED_BY_USER);
      if (e.actor.userId === c.authorId && !c.policy!.authorMayConfirm) return no(Code.AUTHOR_MAY_NOT_CONFIRM);
      const confirmations = [...c.confirmations, { userId: e.actor.userId, version: e.version, at: e.at }];
      return confirmations.length >= c.requiredConfirmations
        ? go('sentToBank', { ...c, confirmations, sentAt: e.at })
        : go('partiallyConfirmed', { ...c, confirmations });
    }
    case 'RETURN':
      if (!CONFIRMING.has(value)) return notHere;
      if (e.reason.trim() === '') return no(Code.REASON_REQUIRED);
      // The oracle's own reading of the text policy, enough for the probes above: no controls.
      if (/[\u0000-\u001f]/.test(e.reason)) return no(Code.REASON_INVALID);
      return go('draft', {
        ...c,
        version: c.version + 1,
        policy: null,
        requiredConfirmations: 0,
        confirmations: [],
        submittedAt: null,
        returnReason: e.reason,
      });
    case 'CANCEL':
      return OPEN.has(value) ? go('cancelled', { ...c, cancelledBy: e.actor.userId }) : notHere;
    case 'WITHDRAW_CONFIRMATION': {
      if (!c.confirmations.some((x) => x.userId === e.userId)) return no(Code.NO_CONFIRMATION_BY_USER);
      if (!WITHDRAWABLE.has(value)) return notHere;
      // Counted again against the snapshot; a document no longer fully confirmed is not with the bank.
      const confirmations = c.confirmations.filter((x) => x.userId !== e.userId);
      if (confirmations.length >= c.requiredConfirmations) return go(value, { ...c, confirmations });
      const next = confirmations.length > 0 ? 'partiallyConfirmed' : 'awaitingConfirmation';
      return go(next, { ...c, confirmations, sentAt: null });
    }
    case 'HANDED_TO_CORE_BANKING':
      return value === 'sentToBank' ? go('handedToCoreBanking', { ...c, handedToCoreBankingAt: e.at }) : notHere;
    case 'BANK_EXECUTED':
      return value === 'handedToCoreBanking' ? go('executed', c) : notHere;
    case 'BANK_REFUSED':
      return WITH_BANK.has(value) ? go('refused', { ...c, bankReason: e.reason }) : notHere;
    case 'EXPIRED':
      return OPEN.has(value) ? go('expired', c) : notHere;
  }
};

modelSuite({
  flow: 'PAYMENT',
  machine: paymentMachine,
  initial: start,
  explore,
  probes,
  decide: decidePayment,
  oracle,
  pathKind: 'simple',
  pathEvents,
  status: {
    actual: paymentStatus,
    // Core banking's hand-off is the bank's business: the partner still sees the document with the bank.
    expected: ({ value }) => (value === 'handedToCoreBanking' ? 'SENT_TO_BANK' : value.replace(/[A-Z]/g, (ch) => `_${ch}`).toUpperCase()),
  },
  codes: [
    // STEP_NOT_RECORDED is the workflow's (a write failed); EXPIRY_NOT_DUE and CHANGED_MEANWHILE the aggregate's, not the machine's.
    ...Object.values(Code).filter(
      (code) => code !== Code.INVALID_EVENT && code !== Code.STEP_NOT_RECORDED && code !== Code.EXPIRY_NOT_DUE && code !== Code.CHANGED_MEANWHILE,
    ),
    'ACCESS.USER_NOT_ACTIVE',
    'ACCESS.FORBIDDEN',
  ],
});
