import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { payloadFromJson, payloadToJson } from './payload-json';
import { parsePayloadKeys, type PayloadKey } from './payload-keys';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
export const CIPHER_METADATA = 'encryption-cipher';
const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const text = (value: Uint8Array | null | undefined) => (value ? Buffer.from(value).toString('utf8') : undefined);

/**
 * Encrypts every Temporal payload (inputs, results, memo, summaries, failures'
 * details) with AES-256-GCM, so workflow history is unreadable to anyone with
 * only access to Temporal's database; the worker, the API and the codec endpoint
 * hold the keys. A payload names its key id (bound into the tag as additional
 * data), so rotated keys keep decrypting older history. Search attributes are
 * not payloads the codec sees; they carry ids and statuses only.
 */
export class EncryptionCodec implements PayloadCodec {
  private readonly current: PayloadKey;
  private readonly byId: Map<string, Buffer>;

  constructor(keys: PayloadKey[]) {
    if (keys.length === 0) throw new Error('EncryptionCodec needs at least one key');
    this.current = keys[0]!;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  static fromSpec(spec: string): EncryptionCodec {
    return new EncryptionCodec(parsePayloadKeys(spec));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
      cipher.setAAD(Buffer.from(this.current.id, 'utf8'));
      const plain = Buffer.from(JSON.stringify(payloadToJson(payload)), 'utf8');
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { encoding: bytes(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: bytes(this.current.id), [CIPHER_METADATA]: bytes(CIPHER) },
        data: new Uint8Array(sealed),
      };
    });
  }

  /** Payloads written before encryption was switched on pass through unchanged. */
  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) return payload;
      const keyId = text(payload.metadata?.[KEY_ID_METADATA]) ?? '';
      const key = this.byId.get(keyId);
      if (!key) throw new Error(`payload encrypted with key "${keyId}", which is not in PAYLOAD_KEYS`);
      const sealed = Buffer.from(payload.data ?? new Uint8Array());
      if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('encrypted payload is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(keyId, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
      return payloadFromJson(JSON.parse(plain.toString('utf8')));
    });
  }
}

/** The data converter every Temporal client and worker of this service uses. */
export const encryptedDataConverter = (payloadKeys: string): DataConverter => ({
  payloadCodecs: [EncryptionCodec.fromSpec(payloadKeys)],
});
