import { randomInt } from 'node:crypto';

/** Valid, unique test data built with the official check-digit rules. */
export function bin(): string {
  for (;;) {
    const first = Array.from({ length: 11 }, () => randomInt(10)).join('');
    const digits = [...first].map(Number);
    let check = digits.reduce((s, d, i) => s + d * (i + 1), 0) % 11;
    if (check === 10) {
      check = digits.reduce((s, d, i) => s + d * (((i + 2) % 11) + 1), 0) % 11;
      if (check === 10) continue;
    }
    return first + check;
  }
}

export function kzIban(): string {
  const bban = '125' + Array.from({ length: 13 }, () => randomInt(10)).join('');
  const numeric = (bban + 'KZ00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98n - (BigInt(numeric) % 97n);
  return `KZ${check.toString().padStart(2, '0')}${bban}`;
}

let phoneCounter = randomInt(1_000_000);
export function mobile(): string {
  phoneCounter = (phoneCounter + 1) % 10_000_000;
  return `+7701${String(phoneCounter).padStart(7, '0')}`;
}

export function email(tag = 'user'): string {
  return `${tag}-${Date.now().toString(36)}-${randomInt(1e9).toString(36)}@example.kz`;
}

export function application(users: { accessLevel?: 'FULL_ACCESS' | 'CREATE_AND_VIEW'; language?: 'kk' | 'ru' }[] = [{}]) {
  return {
    partner: { bin: bin(), name: 'ТОО «Тест»' },
    accounts: [{ iban: kzIban(), openingBalance: '1000000.00' }],
    users: users.map((u, i) => ({
      fullName: `Test User ${i}`,
      email: email(`u${i}`),
      phone: mobile(),
      accessLevel: u.accessLevel ?? 'FULL_ACCESS',
      ...(u.language ? { language: u.language } : {}),
    })),
  };
}

export const STRONG_PASSWORD = 'Kazakh-Steppe-2026!';
