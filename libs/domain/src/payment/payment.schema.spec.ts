import { approvalPolicyRequestSchema, approvalPolicyView, debitAccountRefusal, mergePaymentDocument, paymentDocumentPatchSchema, paymentDocumentSchema } from '.';

const valid = {
  debitIban: 'KZ86125KZT5004100100',
  amount: '150000.50',
  beneficiary: { name: 'ТОО «Получатель»', binIin: '990340000123', iban: 'KZ75125KZT2069100100', bic: 'CASPKZKA', kbe: '17' },
  knp: '710',
  purpose: 'Оплата по договору №12 от 01.11.2026',
};
const paths = (input: unknown, schema = paymentDocumentSchema) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('payment document fields', () => {
  it('parses a valid document; the amount becomes tiyn', () => {
    const parsed = paymentDocumentSchema.parse(valid);
    expect(parsed).toMatchObject({ amountTiyn: 15000050n, knp: '710', beneficiary: { iban: 'KZ75125KZT2069100100' } });
    expect(parsed).not.toHaveProperty('amount');
  });

  it('names every bad field', () => {
    const bad = {
      debitIban: 'KZ00125KZT5004100100',
      amount: 12.5,
      beneficiary: { name: ' ', binIin: '990340000124', iban: 'KZ75', bic: 'CASP', kbe: '37' },
      knp: '7',
      purpose: 'x'.repeat(421),
    };
    expect([...new Set(paths(bad))].sort()).toEqual(
      ['amount', 'beneficiary.bic', 'beneficiary.binIin', 'beneficiary.iban', 'beneficiary.kbe', 'beneficiary.name', 'debitIban', 'knp', 'purpose'].sort(),
    );
  });

  it('refuses control characters, unknown fields, amounts with 3 decimals or zero', () => {
    expect(paths({ ...valid, purpose: 'line\nforged' })).toEqual(['purpose']);
    expect(paths({ ...valid, purpose: 'a\u0000b' })).toEqual(['purpose']);
    expect(paths({ ...valid, extra: 1 })).toEqual(['']);
    expect(paths({ ...valid, amount: '1.001' })).toEqual(['amount']);
    expect(paths({ ...valid, amount: '0.00' })).toEqual(['amount']);
  });

  it('refuses a beneficiary name that would reorder or hide what the SMS shows (§1.13)', () => {
    for (const name of ['ТОО Ромашка \u202E0010…\u202C', 'ТОО\u200BРомашка', 'ТОО\u200DX', '\uFEFFТОО', 'ТОО \u2066X\u2069']) {
      const parsed = paymentDocumentSchema.safeParse({ ...valid, beneficiary: { ...valid.beneficiary, name } });
      expect(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
        expect.stringMatching(/^beneficiary\.name: Beneficiary name must not contain invisible or direction-changing characters \(found U\+/),
      ]);
    }
    expect(paymentDocumentSchema.parse({ ...valid, purpose: ' Оплата  по договору ' }).purpose).toBe('Оплата по договору');
  });

  it('a payment to the debit account itself is refused on beneficiary.iban', () => {
    expect(paths({ ...valid, beneficiary: { ...valid.beneficiary, iban: valid.debitIban } })).toEqual(['beneficiary.iban']);
  });

  it('an edit changes any subset; beneficiary fields one by one', () => {
    const doc = paymentDocumentSchema.parse(valid);
    const patch = paymentDocumentPatchSchema.parse({ amount: '10', beneficiary: { name: 'ИП Иванов' } });
    expect(mergePaymentDocument(doc, patch)).toMatchObject({ amountTiyn: 1000n, beneficiary: { name: 'ИП Иванов', bic: 'CASPKZKA' } });
    expect(paths({}, paymentDocumentPatchSchema as never)).toEqual(['']);
    expect(paths({ beneficiary: { kbe: '99' } }, paymentDocumentPatchSchema as never)).toEqual(['beneficiary.kbe']);
  });
});

describe('approval policy request', () => {
  it('tiers in KZT become thresholds in tiyn; zero is a valid lower bound', () => {
    const policy = approvalPolicyRequestSchema.parse({
      rules: [
        { minAmount: '0', requiredConfirmations: 1 },
        { minAmount: '1000000.00', requiredConfirmations: 2 },
      ],
    });
    expect(policy).toEqual({
      rules: [
        { minAmountTiyn: '0', requiredConfirmations: 1 },
        { minAmountTiyn: '100000000', requiredConfirmations: 2 },
      ],
      authorMayConfirm: true,
    });
    expect(approvalPolicyView(policy).rules[1]).toEqual({ minAmount: '1000000.00', requiredConfirmations: 2 });
  });

  it('refuses fewer confirmations for a larger amount, duplicates, and bad counts', () => {
    const problems = (rules: unknown) => {
      const parsed = approvalPolicyRequestSchema.safeParse({ rules });
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    };
    expect(
      problems([
        { minAmount: '0', requiredConfirmations: 2 },
        { minAmount: '10', requiredConfirmations: 1 },
      ]),
    ).toEqual(['rules']);
    expect(
      problems([
        { minAmount: '10', requiredConfirmations: 1 },
        { minAmount: '10.00', requiredConfirmations: 2 },
      ]),
    ).toEqual(['rules']);
    expect(problems([{ minAmount: '10', requiredConfirmations: 0 }])).toEqual(['rules.0.requiredConfirmations']);
    expect(problems([{ minAmount: '-1', requiredConfirmations: 1 }])).toEqual(['rules.0.minAmount']);
  });
});

describe('debit account', () => {
  it('must be one of the partner’s accounts (422 on debitIban)', () => {
    expect(debitAccountRefusal('KZ86125KZT5004100100', ['KZ86125KZT5004100100'])).toBeNull();
    expect(debitAccountRefusal('KZ86125KZT5004100100', [])).toMatchObject({
      code: 'PAYMENT.DEBIT_ACCOUNT_NOT_OWN',
      kind: 'UNPROCESSABLE',
      details: { field: 'debitIban' },
    });
  });
});
