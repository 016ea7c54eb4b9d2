import type { ClientInfo } from '../login-protection/client-info';

/** Where a cabinet or operator call came from, as the audit trail records it (§1.15). */
export const auditContext = (caller: ClientInfo) => ({ requestId: caller.requestId ?? null, clientAddress: caller.address });
