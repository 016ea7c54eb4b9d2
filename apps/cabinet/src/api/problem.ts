import type { Problem } from './schema';

/** An API refusal as the cabinet shows it: per-field messages next to fields, the rest on top. */
export interface Shown {
  fields: Record<string, string>;
  message: string | null;
  problem: Problem | null;
}

export const NONE: Shown = { fields: {}, message: null, problem: null };

/** The user's words for a stable problem code, when the dictionaries have them (set by the i18n provider). */
export type Localize = (code: string, problem: Problem) => string | null;
let localize: Localize = () => null;
export const localizeProblemsWith = (fn: Localize): void => {
  localize = fn;
};

/**
 * problem+json (RFC 9457) → what to show; anything else (network, HTML) → the fallback text. A
 * known `code` is shown in the user's language, anything else in the API's own words.
 */
export function show(error: unknown, fallback: string): Shown {
  if (!isProblem(error)) return { fields: {}, message: fallback, problem: null };
  const fields: Record<string, string> = {};
  const errors = error.errors ?? [];
  for (const e of errors) {
    // An error's own code, else the problem's when it is about this one field (a wrong code).
    const code = (e as { code?: unknown }).code ?? (errors.length === 1 ? error.code : undefined);
    const text = (typeof code === 'string' && localize(code, error)) || e.message;
    fields[e.path] = fields[e.path] ? `${fields[e.path]} ${text}` : text;
  }
  const message = errors.length ? null : (error.code && localize(error.code, error)) || (error.detail ?? error.title);
  return { fields, message, problem: error };
}

/** Field messages whose path the page has no field for (e.g. `beneficiary`), joined for the top message. */
export const unplaced = (shown: Shown, placed: readonly string[]): string | null =>
  Object.entries(shown.fields)
    .filter(([path]) => !placed.includes(path))
    .map(([path, message]) => (path ? `${path}: ${message}` : message))
    .join(' ') || null;

export const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null && 'status' in value && 'title' in value;

/** A number the problem carries beside the standard members (`attemptsLeft`, `retryAfterMs`). */
export const extra = (problem: Problem | null, name: string): number | undefined => {
  const value = problem?.[name];
  return typeof value === 'number' ? value : undefined;
};
