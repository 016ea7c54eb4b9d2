import { almatyTime } from './local-time';

describe('almatyTime', () => {
  it('shows an instant in Almaty time (UTC+5), named after the city', () => {
    expect(almatyTime('2026-12-01T09:30:00.000Z')).toBe('2026-12-01 14:30 (Алматы)');
    expect(almatyTime(new Date('2026-12-31T20:05:00.000Z'))).toBe('2027-01-01 01:05 (Алматы)');
    expect(almatyTime('2026-12-01T09:30:07.000Z', 'seconds')).toBe('2026-12-01 14:30:07 (Алматы)');
  });

  it('follows the zone’s history: UTC+6 before March 2024', () => {
    expect(almatyTime('2024-01-15T09:30:00.000Z')).toBe('2024-01-15 15:30 (Алматы)');
  });
});
