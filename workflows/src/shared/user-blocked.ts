import { defineSignal } from '@temporalio/workflow';

/**
 * Sent by the API to every running flow whose `UserIds` search attribute lists a
 * user the bank has just blocked (§1.14). Each flow decides through its machine
 * what that means for it: registration and recovery cancel, code challenges
 * cancel, payment confirmations by that user are withdrawn — nothing is lost.
 */
export const userBlockedSignal = defineSignal<[{ userId: string }]>('userBlocked');

/** The visibility query that finds those flows. */
export const flowsWaitingOnUserQuery = (userId: string) => `UserIds = "${userId}" AND ExecutionStatus = "Running"`;
