/** The two access levels of §1.2: full access (§1.2.1) and create-and-view (§1.2.2). */
export const ACCESS_LEVELS = ['FULL_ACCESS', 'CREATE_AND_VIEW'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/**
 * INVITED: registration link sent, not yet registered (§1.5, §1.8.3).
 * ACTIVE: registered and able to act. LOCKED: temporarily locked (e.g. too many
 * wrong passwords). BLOCKED: access blocked by the bank (§1.14).
 */
export const USER_STATUSES = ['INVITED', 'ACTIVE', 'LOCKED', 'BLOCKED'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Who is acting: carried by every command event so machines can check access. */
export interface Actor {
  userId: string;
  partnerId: string;
  accessLevel: AccessLevel;
  status: UserStatus;
}

/** Where a user comes from: listed in the bank-signed application, or created in the cabinet (§1.8). */
export type UserOrigin = 'APPLICATION' | 'CABINET';

/**
 * Users created through the cabinet never get more than create-and-view
 * (§1.3, §1.9); only the application can grant full access.
 */
export const capAccessLevel = (requested: AccessLevel, origin: UserOrigin): AccessLevel => (origin === 'APPLICATION' ? requested : 'CREATE_AND_VIEW');

export const isAccessLevel = (value: unknown): value is AccessLevel => typeof value === 'string' && (ACCESS_LEVELS as readonly string[]).includes(value);

export const isUserStatus = (value: unknown): value is UserStatus => typeof value === 'string' && (USER_STATUSES as readonly string[]).includes(value);
