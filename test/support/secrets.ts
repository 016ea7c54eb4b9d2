/**
 * Asserts a one-time code does not occur in `text` as a number of its own. A plain
 * substring check would fail by chance whenever the six digits happen to sit
 * inside a timestamp or id in a workflow history; quotes, letters or spaces
 * around a leaked code still count as boundaries.
 */
export function expectNoCode(text: string, code: string): void {
  expect(text).not.toMatch(new RegExp(`(?<![0-9])${code}(?![0-9])`));
}
