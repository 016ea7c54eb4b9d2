/**
 * Times in messages are the bank's local time, Asia/Almaty (UTC+5 since 2024-03-01; the IANA
 * database shipped with Node knows the history), named after the city so no reader takes them
 * for UTC. The API keeps answering in UTC (api.md); only what people read is local.
 */
const fields = { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
const ALMATY = new Intl.DateTimeFormat('sv-SE', fields);
const ALMATY_SECONDS = new Intl.DateTimeFormat('sv-SE', { ...fields, second: '2-digit' });

/** `2026-12-01T09:30:00Z` → `2026-12-01 14:30 (Алматы)`: the same words in Kazakh and Russian; documents add seconds. */
export const almatyTime = (at: string | Date, precision: 'minutes' | 'seconds' = 'minutes'): string =>
  `${(precision === 'seconds' ? ALMATY_SECONDS : ALMATY).format(typeof at === 'string' ? new Date(at) : at)} (Алматы)`;
