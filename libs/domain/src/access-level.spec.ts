import { ACCESS_LEVELS, USER_STATUSES, capAccessLevel, isAccessLevel, isUserStatus } from './access-level';

describe('access levels (§1.2)', () => {
  it('has exactly the two levels of §1.2.1 and §1.2.2', () => {
    expect(ACCESS_LEVELS).toEqual(['FULL_ACCESS', 'CREATE_AND_VIEW']);
    expect(USER_STATUSES).toEqual(['INVITED', 'ACTIVE', 'LOCKED', 'BLOCKED']);
  });

  it('keeps the level the bank-signed application grants (§1.2)', () => {
    for (const level of ACCESS_LEVELS) expect(capAccessLevel(level, 'APPLICATION')).toBe(level);
  });

  it('caps users created in the cabinet at create-and-view, whatever was asked (§1.3, §1.9)', () => {
    for (const level of ACCESS_LEVELS) expect(capAccessLevel(level, 'CABINET')).toBe('CREATE_AND_VIEW');
  });

  it('recognises levels and statuses from untyped input', () => {
    expect(ACCESS_LEVELS.every(isAccessLevel)).toBe(true);
    expect(USER_STATUSES.every(isUserStatus)).toBe(true);
    for (const bad of ['full_access', 'ADMIN', '', null, 1]) {
      expect(isAccessLevel(bad)).toBe(false);
      expect(isUserStatus(bad)).toBe(false);
    }
  });
});
