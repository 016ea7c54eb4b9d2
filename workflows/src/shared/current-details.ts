import { setCurrentDetails } from '@temporalio/workflow';

/**
 * What a flow waits for now, as operators read it in the Temporal UI ("current details").
 * Setting it is no command: the SDK answers it through the built-in metadata query, so it
 * leaves history (and replay) alone; the answer is a payload, encrypted by the codec. No
 * secrets here (codes, tokens, passwords): texts name steps, times and ids only.
 */
export const showWaiting = (what: string, until?: number | null) =>
  setCurrentDetails(until === undefined || until === null ? `Waiting for ${what}.` : `Waiting for ${what}, until ${new Date(until).toISOString()}.`);

export const showWorking = (what: string) => setCurrentDetails(`${what}.`);

export const showFinished = (status: string) => setCurrentDetails(`Finished: ${status}.`);

/** The e-mailed link and SMS code flows (registration, password recovery), by machine state. */
export function showLinkCodeStep(
  state: { value: string; context: { codeExpiresAt: number | null; attemptsLeft: number; codesIssued: number } },
  status: string,
  linkExpiresAt: number,
): void {
  const link = `; the link works until ${new Date(linkExpiresAt).toISOString()}`;
  switch (state.value) {
    case 'invited':
      return setCurrentDetails(`Waiting for the user to open the e-mailed link and ask for an SMS code${link}.`);
    case 'codeSent':
      return setCurrentDetails(
        `Waiting for the user to enter SMS code No. ${state.context.codesIssued} (valid until ${new Date(state.context.codeExpiresAt!).toISOString()}, ${state.context.attemptsLeft} attempt(s) left)${link}.`,
      );
    case 'codeVerified':
      return setCurrentDetails(`Waiting for the user to choose a password${link}.`);
    default:
      return showFinished(status);
  }
}
