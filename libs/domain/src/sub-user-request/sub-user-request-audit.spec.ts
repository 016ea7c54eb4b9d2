import { subUserRequestMover } from './sub-user-request-audit';

describe('subUserRequestMover', () => {
  const none = { operatorId: null, rejectReason: null };
  it('the creator’s code is what leads to bankProcessing', () => {
    expect(subUserRequestMover('bankProcessing', none)).toBe('CREATOR');
  });
  it('an operator’s approval names them; an approval without review is the bank’s', () => {
    expect(subUserRequestMover('approved', { operatorId: 'operator-1', rejectReason: null })).toBe('OPERATOR');
    expect(subUserRequestMover('approved', none)).toBe('BANK');
  });
  it('a rejection is the operator’s only when its reason is theirs, not a check failure', () => {
    expect(subUserRequestMover('rejected', { operatorId: 'operator-1', rejectReason: 'Not authorised' })).toBe('OPERATOR');
    expect(subUserRequestMover('rejected', { operatorId: 'operator-1', rejectReason: 'LOGIN_TAKEN' })).toBe('BANK');
    expect(subUserRequestMover('rejected', { operatorId: null, rejectReason: 'PHONE_INVALID' })).toBe('BANK');
  });
  it('timers, cancellations and outcomes are the flow’s own', () => {
    for (const state of ['awaitingConfirmation', 'awaitingOperator', 'invited', 'completed', 'expired', 'cancelled'] as const) {
      expect(subUserRequestMover(state, { operatorId: 'operator-1', rejectReason: null })).toBe('BANK');
    }
  });
});
