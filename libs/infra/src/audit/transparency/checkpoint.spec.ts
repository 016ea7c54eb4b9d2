import { generateKeyPairSync } from 'node:crypto';
import { verifyCheckpoint } from '@sigstore/verify/dist/tlog/checkpoint';
import fc from 'fast-check';
import { checkpointJson, CheckpointError, formatCheckpoint, parseAndVerifyCheckpoint, signCheckpoint, type Checkpoint } from './checkpoint';
import { keyId, loadPrivateKey, loadPublicKey, rawPublicKey, verifierKey } from './checkpoint-keys';

const NAME = 'bank-flows.example/audit';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const checkpoint: Checkpoint = {
  origin: NAME,
  treeSize: 8,
  rootHash: Buffer.from('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328', 'hex'),
  timestamp: new Date('2026-12-01T03:07:55.000Z'),
};

/**
 * Produced by Go's golang.org/x/mod/sumdb/note v0.43.0 (the signed-note reference): GenerateKey
 * reading the RFC 8032 §7.1 TEST 1 seed, then note.Sign of the body below. Ed25519 is
 * deterministic, so our signer must write these bytes exactly.
 */
const GO_SEED = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const GO_VKEY = 'bank-flows.example/audit+455b2738+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea';
const GO_NOTE =
  'bank-flows.example/audit\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\ntimestamp 2026-12-01T03:07:55.000Z\n\n' +
  '\u2014 bank-flows.example/audit RVsnOALCk7U1c/3MSLXMmDBxNt525AzG6RVn7cEZAKO5gQrfKFzF5QNsBDykCWG+TlHr2fNfgRePc3f/AIw9VGzDHQI=\n';

describe('signed checkpoints (C2SP tlog-checkpoint + signed-note, Ed25519)', () => {
  const note = signCheckpoint(formatCheckpoint(checkpoint), privateKey, NAME);

  it('round-trips: format, sign, parse and verify', () => {
    const verified = parseAndVerifyCheckpoint(note, publicKey, NAME);
    expect(verified).toMatchObject(checkpoint);
    expect(verified.keyId).toEqual(keyId(NAME, publicKey));
    expect(note.split('\n')).toEqual([
      NAME,
      '8',
      checkpoint.rootHash.toString('base64'),
      'timestamp 2026-12-01T03:07:55.000Z',
      '',
      expect.stringMatching(/^\u2014 bank-flows\.example\/audit [A-Za-z0-9+/]{91}=$/),
      '',
    ]);
  });

  it('matches the Go signed-note reference byte for byte (key id, verifier key, signature)', () => {
    const goKey = loadPrivateKey(GO_SEED.toString('base64'));
    expect(verifierKey(NAME, goKey)).toBe(GO_VKEY);
    expect(signCheckpoint(formatCheckpoint(checkpoint), goKey, NAME)).toBe(GO_NOTE);
    const goPublic = loadPublicKey(rawPublicKey(goKey).toString('base64'));
    expect(parseAndVerifyCheckpoint(GO_NOTE, goPublic, NAME).rootHash).toEqual(checkpoint.rootHash);
  });

  it("is accepted by Sigstore's checkpoint verifier", () => {
    const logID = Buffer.concat([keyId(NAME, publicKey), Buffer.alloc(28)]); // it matches key ids on a log id prefix
    const parsed = verifyCheckpoint({ inclusionProof: { checkpoint: { envelope: note } } } as never, [{ logID, baseURL: `https://${NAME}`, publicKey }] as never);
    expect({ size: parsed.logSize, root: parsed.logHash }).toEqual({ size: 8n, root: checkpoint.rootHash });
  });

  it('any changed byte breaks verification', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (at, delta) => {
        const bytes = Buffer.from(note, 'utf8');
        const i = at % bytes.length;
        bytes[i] = (bytes[i] + delta) % 256;
        expect(() => parseAndVerifyCheckpoint(bytes.toString('utf8'), publicKey, NAME)).toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('a wrong key, a wrong name, or a foreign origin is refused', () => {
    const other = generateKeyPairSync('ed25519');
    expect(() => parseAndVerifyCheckpoint(note, other.publicKey, NAME)).toThrow(CheckpointError);
    expect(() => parseAndVerifyCheckpoint(note, publicKey, 'other.example/audit')).toThrow(CheckpointError);
    const foreign = signCheckpoint(formatCheckpoint({ ...checkpoint, origin: 'other.example/log' }), privateKey, 'other.example/log');
    expect(() => parseAndVerifyCheckpoint(foreign, publicKey, NAME)).toThrow(CheckpointError);
    expect(() => signCheckpoint(formatCheckpoint(checkpoint), privateKey, 'other.example/log')).toThrow(CheckpointError);
  });

  it("ignores other keys' signature lines (cosigners) but needs one of ours", () => {
    const other = generateKeyPairSync('ed25519');
    const witness = signCheckpoint(formatCheckpoint(checkpoint), other.privateKey, NAME).split('\n\n')[1];
    expect(parseAndVerifyCheckpoint(note + witness, publicKey, NAME).treeSize).toBe(8);
    expect(() => parseAndVerifyCheckpoint(`${formatCheckpoint(checkpoint)}\n${witness}`, publicKey, NAME)).toThrow(CheckpointError);
  });

  it('refuses non-canonical bodies: leading zeros, short or unpadded root, missing timestamp', () => {
    const body = formatCheckpoint(checkpoint);
    const variants = [
      body.replace('\n8\n', '\n08\n'),
      body.replace(checkpoint.rootHash.toString('base64'), checkpoint.rootHash.subarray(1).toString('base64')),
      body.replace('=\n', '\n'),
      body.replace(/timestamp .*\n/, ''),
      body.replace('.000Z', 'Z'),
    ];
    for (const variant of variants) expect(() => signCheckpoint(variant, privateKey, NAME)).toThrow(CheckpointError);
  });

  it('JSON view for REST: lowercase hex hashes, key id, base64 signature, and the note', () => {
    const json = checkpointJson(parseAndVerifyCheckpoint(note, publicKey, NAME));
    expect(json).toEqual({
      origin: NAME,
      treeSize: 8,
      rootHash: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
      timestamp: '2026-12-01T03:07:55.000Z',
      keyId: keyId(NAME, publicKey).toString('hex'),
      signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
      note,
    });
  });
});

describe('checkpoint keys', () => {
  it('loads PEM and raw base64 forms of the same key alike', () => {
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d as string, 'base64url').toString('base64');
    const spki = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const raw = rawPublicKey(publicKey).toString('base64');
    for (const key of [loadPrivateKey(pem), loadPrivateKey(seed), loadPublicKey(spki), loadPublicKey(raw)]) {
      expect(rawPublicKey(key)).toEqual(rawPublicKey(publicKey));
    }
  });

  it('refuses other key types, bad lengths and bad names', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => loadPublicKey(rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString())).toThrow(/Ed25519/);
    expect(() => loadPrivateKey(Buffer.alloc(31).toString('base64'))).toThrow(/32 bytes/);
    expect(() => keyId('has space', publicKey)).toThrow(/key name/);
    expect(() => keyId('a+b', publicKey)).toThrow(/key name/);
  });
});
