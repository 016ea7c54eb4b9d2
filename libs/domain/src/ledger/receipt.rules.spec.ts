import { receiptRefusal, receiptRequestSchema } from './receipt.rules';

describe('receipt (§2.5)', () => {
  it('is issued for an executed payment only, naming the status otherwise', () => {
    expect(receiptRefusal({ executed: true, status: 'EXECUTED' })).toBeNull();
    expect(receiptRefusal({ executed: false, status: 'SENT_TO_BANK' })).toEqual({
      code: 'RECEIPT.PAYMENT_NOT_EXECUTED',
      kind: 'CONFLICT',
      message: 'A confirming document is issued only for an executed payment.',
      details: { state: 'SENT_TO_BANK' },
    });
  });

  it('goes by EMAIL or SMS, nothing else', () => {
    expect(receiptRequestSchema.parse({ channel: 'SMS' })).toEqual({ channel: 'SMS' });
    expect(receiptRequestSchema.safeParse({ channel: 'FAX' }).success).toBe(false);
    expect(receiptRequestSchema.safeParse({ channel: 'EMAIL', to: 'x@example.kz' }).success).toBe(false);
  });
});
