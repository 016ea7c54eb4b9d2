import type { MachineState } from '../../../../libs/domain/src/machine-state';
import { decidePayment, storedDraftState, type PaymentContext, type PaymentDocumentFields, type PaymentEvent } from '../../../../libs/domain/src/payment';
import { DomainProblem } from '../common/problem';
import { closedDocument, FINAL_STATUSES, type PaymentRow } from './payment.store';

/**
 * A draft that was never submitted has no workflow yet: the API asks the domain machine
 * about it directly, from its stored facts, and writes the row itself (conditionally on
 * the row still having no workflow, so it never races the workflow's own writes).
 */
export const draftStateOf = (row: PaymentRow): MachineState<PaymentContext> => {
  if (FINAL_STATUSES.has(row.status)) throw closedDocument(row.status);
  return storedDraftState({
    authorId: row.authorId,
    partnerId: row.partnerId,
    amountTiyn: row.amountTiyn.toString(),
    createdAt: row.createdAt.getTime(),
    version: row.version,
  });
};

/** The machine's answer for the stored draft, or its refusal thrown. */
export const decideOnDraft = (row: PaymentRow, event: PaymentEvent): MachineState<PaymentContext> => {
  const decision = decidePayment(draftStateOf(row), event);
  if (!decision.ok) throw new DomainProblem(decision.error);
  return decision.state;
};

/** The document's columns of the `payments` row. */
export const documentColumns = (doc: PaymentDocumentFields) => ({
  debitIban: doc.debitIban,
  amountTiyn: doc.amountTiyn,
  beneficiaryName: doc.beneficiary.name,
  beneficiaryBinIin: doc.beneficiary.binIin,
  beneficiaryIban: doc.beneficiary.iban,
  beneficiaryBic: doc.beneficiary.bic,
  kbe: doc.beneficiary.kbe,
  knp: doc.knp,
  purpose: doc.purpose,
});

/** `YYYY-MM-DD` as the DATE column wants it. */
export const dateColumn = (day: string) => new Date(`${day}T00:00:00Z`);
