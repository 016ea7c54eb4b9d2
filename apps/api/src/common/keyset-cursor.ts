import { HttpException } from '@nestjs/common';
import { parseInstant } from '@domain/values';
import { problem } from './problem';

/** A page position in a list ordered by (createdAt desc, id desc): opaque to clients. */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const encodeKeysetCursor = (row: KeysetPosition): string => Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');

/** A forged cursor is a 400 here, never an impossible uuid or timestamp at PostgreSQL (a 500 there). */
export function decodeKeysetCursor(cursor: string): KeysetPosition {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const createdAt = parseInstant(at);
    if (typeof id === 'string' && UUID.test(id) && createdAt.ok) return { createdAt: new Date(createdAt.value), id };
  } catch {
    /* reported below */
  }
  const message = 'must be a nextCursor from a previous page';
  throw new HttpException(problem(400, `cursor ${message}`, { code: 'REQUEST.INVALID', errors: [{ path: 'cursor', message }] }), 400);
}

/** Rows after the position, in (createdAt desc, id desc) order. */
export const afterKeyset = (after: KeysetPosition | undefined) =>
  after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {};
