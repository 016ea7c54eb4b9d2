import { domainError } from '../domain-error';

/** Refusals of the audit log's proof endpoints (§1.15). */
export const auditProofErrors = {
  noCheckpoint: () => domainError('AUDIT.NO_CHECKPOINT', 'NOT_FOUND', 'The audit log has no signed checkpoint yet.'),
  recordNotSealed: (id: string) => domainError('AUDIT.RECORD_NOT_SEALED', 'NOT_FOUND', 'No sealed audit record has this id (unknown, or not sealed yet).', { id }),
  recordOutsideTree: (id: string, treeSize: number) =>
    domainError('AUDIT.RECORD_OUTSIDE_TREE', 'NOT_FOUND', 'The record was sealed after the tree of this size.', { id, treeSize }),
  unknownTreeSize: (treeSize: number) => domainError('AUDIT.UNKNOWN_TREE_SIZE', 'INVALID', 'The signed audit tree is not that large yet.', { treeSize }),
};
