import { defaultPayloadConverter } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { EncryptionCodec, KEY_ID_METADATA } from './encryption-codec';
import { parsePayloadKeys, readPayloadKeys } from './payload-keys';

const keySpec = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const secretValue = { partnerName: 'ТОО «Секрет»', email: 'buhgalter@example.kz' };

describe('EncryptionCodec (AES-256-GCM)', () => {
  const k1 = keySpec('k1');
  const codec = EncryptionCodec.fromSpec(k1);

  it('round-trips payloads and leaves nothing readable in the encoded form', async () => {
    const payloads = [defaultPayloadConverter.toPayload(secretValue), defaultPayloadConverter.toPayload(undefined)];
    const encoded = await codec.encode(payloads);
    const wire = Buffer.concat(encoded.flatMap((p) => [Buffer.from(p.data!), ...Object.values(p.metadata!).map((v) => Buffer.from(v!))]));
    expect(wire.includes(Buffer.from('buhgalter'))).toBe(false);
    expect(wire.includes(Buffer.from('json/plain'))).toBe(false);
    expect(Buffer.from(encoded[0]!.metadata![KEY_ID_METADATA]!).toString()).toBe('k1');
    const decoded = await codec.decode(encoded);
    expect(defaultPayloadConverter.fromPayload(decoded[0]!)).toEqual(secretValue);
    expect(defaultPayloadConverter.fromPayload(decoded[1]!)).toBeUndefined();
  });

  it('uses a fresh IV each time', async () => {
    const payload = defaultPayloadConverter.toPayload('same');
    const [a, b] = await codec.encode([payload, payload]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('keeps decrypting with an older key after rotation, and encrypts with the first', async () => {
    const old = await codec.encode([defaultPayloadConverter.toPayload(secretValue)]);
    const rotated = EncryptionCodec.fromSpec(`${keySpec('k2')},${k1}`);
    expect(defaultPayloadConverter.fromPayload((await rotated.decode(old))[0]!)).toEqual(secretValue);
    const fresh = await rotated.encode([defaultPayloadConverter.toPayload(1)]);
    expect(Buffer.from(fresh[0]!.metadata![KEY_ID_METADATA]!).toString()).toBe('k2');
    await expect(codec.decode(fresh)).rejects.toThrow('key "k2", which is not in PAYLOAD_KEYS');
  });

  it('refuses a changed ciphertext or a payload relabelled with another key id', async () => {
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(secretValue)]);
    const flipped = Buffer.from(sealed!.data!);
    flipped[20] = flipped[20]! ^ 1;
    await expect(codec.decode([{ ...sealed!, data: flipped }])).rejects.toThrow();
    const sameKeyOtherName = EncryptionCodec.fromSpec(`${k1},alias:${k1.split(':')[1]}`);
    const relabelled = { ...sealed!, metadata: { ...sealed!.metadata, [KEY_ID_METADATA]: Buffer.from('alias') } };
    await expect(sameKeyOtherName.decode([relabelled])).rejects.toThrow();
  });

  it('passes through payloads that were never encrypted', async () => {
    const plain = defaultPayloadConverter.toPayload({ a: 1 });
    expect(await codec.decode([plain])).toEqual([plain]);
  });
});

describe('PAYLOAD_KEYS', () => {
  it('reads keyId:base64key lists, first key first', () => {
    expect(parsePayloadKeys(`${keySpec('new')}, ${keySpec('old')}`).map((k) => k.id)).toEqual(['new', 'old']);
  });

  it('names each problem without echoing key material', () => {
    const short = Buffer.from('too-short-secret').toString('base64');
    const { problems } = readPayloadKeys(`a:${short},${keySpec('a')},:x,bad id:${randomBytes(32).toString('base64')}`);
    expect(problems).toHaveLength(4);
    expect(problems.join(' ')).not.toContain(short);
    expect(readPayloadKeys('').problems).toEqual(['at least one key is required, as keyId:base64key']);
  });
});
