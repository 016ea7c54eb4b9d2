import type { Payload } from '@temporalio/common';

/**
 * Temporal's JSON form of a Payload (proto3 JSON: bytes as base64), as the remote
 * codec protocol and the Temporal UI exchange it.
 */
export interface PayloadJson {
  metadata?: Record<string, string>;
  data?: string;
}

export function payloadToJson(payload: Payload): PayloadJson {
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(payload.metadata ?? {})) if (v) metadata[k] = Buffer.from(v).toString('base64');
  return payload.data ? { metadata, data: Buffer.from(payload.data).toString('base64') } : { metadata };
}

export function payloadFromJson(json: PayloadJson): Payload {
  const metadata: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(json.metadata ?? {})) metadata[k] = new Uint8Array(Buffer.from(v, 'base64'));
  return json.data === undefined ? { metadata } : { metadata, data: new Uint8Array(Buffer.from(json.data, 'base64')) };
}
