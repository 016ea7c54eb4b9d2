import { ACCESS_LEVELS, USER_STATUSES, type AccessLevel, type UserStatus } from './access-level';
import { PERMISSIONS, authorize, isAllowed, permissionsFor, type Permission } from './permissions';

const FULL_ACCESS_ONLY: Permission[] = ['PAYMENT_CONFIRM', 'USER_CREATE', 'APPROVAL_POLICY_CHANGE', 'AUDIT_VIEW'];

// The expected table, spelled out cell by cell so a change to the code cannot silently change it.
const expected = (level: AccessLevel, status: UserStatus, permission: Permission): boolean =>
  status === 'ACTIVE' && (level === 'FULL_ACCESS' || !FULL_ACCESS_ONLY.includes(permission));

const everyCell = ACCESS_LEVELS.flatMap((accessLevel) => USER_STATUSES.flatMap((status) => PERMISSIONS.map((permission) => ({ accessLevel, status, permission }))));

describe('permission table', () => {
  it('lists each permission once', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    expect(PERMISSIONS).toHaveLength(17);
  });

  it.each(everyCell)('$accessLevel / $status / $permission', ({ accessLevel, status, permission }) => {
    const actor = { accessLevel, status };
    const allowed = expected(accessLevel, status, permission);
    expect(isAllowed(actor, permission)).toBe(allowed);
    expect(permissionsFor(actor).includes(permission)).toBe(allowed);
    expect(authorize(actor, permission) === null).toBe(allowed);
  });

  it('gives full access everything, including confirming payments (§1.2.1)', () => {
    expect(permissionsFor({ accessLevel: 'FULL_ACCESS', status: 'ACTIVE' })).toEqual(PERMISSIONS);
  });

  it('lets create-and-view create, edit and submit documents but not confirm them (§1.2.2)', () => {
    const actor = { accessLevel: 'CREATE_AND_VIEW', status: 'ACTIVE' } as const;
    for (const p of ['PAYMENT_CREATE', 'PAYMENT_EDIT', 'PAYMENT_SUBMIT', 'STATEMENT_VIEW'] as const) {
      expect(isAllowed(actor, p)).toBe(true);
    }
    expect(authorize(actor, 'PAYMENT_CONFIRM')).toEqual({
      code: 'ACCESS.FORBIDDEN',
      kind: 'FORBIDDEN',
      message: 'Access level CREATE_AND_VIEW does not allow PAYMENT_CONFIRM.',
      details: { permission: 'PAYMENT_CONFIRM' },
    });
  });

  it('does not let create-and-view users create sub-users (§1.8, interpretation)', () => {
    expect(isAllowed({ accessLevel: 'CREATE_AND_VIEW', status: 'ACTIVE' }, 'USER_CREATE')).toBe(false);
  });

  it.each(['INVITED', 'LOCKED', 'BLOCKED'] as const)('gives a %s user nothing at all (§1.14)', (status) => {
    for (const accessLevel of ACCESS_LEVELS) {
      expect(permissionsFor({ accessLevel, status })).toEqual([]);
      expect(authorize({ accessLevel, status }, 'PROFILE_VIEW')).toEqual({
        code: 'ACCESS.USER_NOT_ACTIVE',
        kind: 'FORBIDDEN',
        message: `The user is ${status.toLowerCase()} and cannot perform any action.`,
        details: { permission: 'PROFILE_VIEW' },
      });
    }
  });

  it('returns a table callers cannot mutate', () => {
    const granted = permissionsFor({ accessLevel: 'CREATE_AND_VIEW', status: 'ACTIVE' }) as Permission[];
    expect(() => granted.push('PAYMENT_CONFIRM')).toThrow(TypeError);
    expect(isAllowed({ accessLevel: 'CREATE_AND_VIEW', status: 'ACTIVE' }, 'PAYMENT_CONFIRM')).toBe(false);
  });
});
