/**
 * The ApplicationFailure type of an activity whose data the database refused (SQLSTATE class
 * 22/23, a query Prisma refused, a parse error): set by the worker's activity interceptor, never
 * retried, read by workflows as "this step cannot be recorded as it is".
 */
export const DATA_REJECTED = 'DATA.REJECTED';
