import { sign, verify, type KeyObject } from 'node:crypto';
import { assertKeyName, keyId } from './checkpoint-keys';
import { HASH_SIZE } from './merkle';

/**
 * Signed checkpoints in the C2SP tlog-checkpoint form, wrapped in a C2SP signed note:
 *
 *   <origin>\n<tree size>\n<base64 root hash>\ntimestamp <ISO-8601 UTC>\n
 *   \n
 *   — <name> <base64(key id (4 bytes) ‖ Ed25519 signature over the body)>\n
 *
 * The `timestamp` line is our extension line (tlog-checkpoint allows lines after the root hash;
 * clients that do not know it ignore it); it is covered by the signature. We sign with the key
 * name equal to the origin and verification insists on it, so a checkpoint of another log signed
 * with the same key is refused.
 */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  timestamp: Date;
}

export interface VerifiedCheckpoint extends Checkpoint {
  keyId: Buffer;
  signature: Buffer;
  /** The whole signed note, byte for byte as verified. */
  note: string;
}

/** The REST view (§1.15): hashes as lowercase hex; `note` lets a client verify with signed-note tools. */
export interface CheckpointJson {
  origin: string;
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  signature: string;
  note: string;
}

export class CheckpointError extends Error {
  readonly code = 'AUDIT.CHECKPOINT_INVALID';
}

const EM_DASH = '\u2014';
const DECIMAL = /^(0|[1-9][0-9]*)$/;
/** Signed notes carry no control characters but newline (C2SP signed-note). */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;
const TIMESTAMP = /^timestamp (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)$/;

/** The checkpoint body (the signed text); every line ends with a newline. */
export function formatCheckpoint(cp: Checkpoint): string {
  assertKeyName(cp.origin);
  if (!Number.isSafeInteger(cp.treeSize) || cp.treeSize < 0) throw new CheckpointError(`invalid tree size ${cp.treeSize}`);
  if (cp.rootHash.length !== HASH_SIZE) throw new CheckpointError(`a root hash has ${HASH_SIZE} bytes`);
  return `${cp.origin}\n${cp.treeSize}\n${cp.rootHash.toString('base64')}\ntimestamp ${cp.timestamp.toISOString()}\n`;
}

/** Body + blank line + one signature line (C2SP signed-note, Ed25519 = `sign(null, …)`, RFC 8032). */
export function signCheckpoint(body: string, privateKey: KeyObject, name: string): string {
  const parsed = parseBody(body);
  if (parsed.origin !== name) throw new CheckpointError(`origin ${parsed.origin} is not the key name ${name}`);
  const signature = sign(null, Buffer.from(body, 'utf8'), privateKey);
  const blob = Buffer.concat([keyId(name, privateKey), signature]).toString('base64');
  return `${body}\n${EM_DASH} ${name} ${blob}\n`;
}

/**
 * Parses a signed checkpoint and verifies it against `publicKey` under `name`. Signature lines of
 * other keys are ignored, as signed-note prescribes (witness cosignatures may be added later);
 * at least one must be ours and all of ours must verify. Throws CheckpointError otherwise.
 */
export function parseAndVerifyCheckpoint(note: string, publicKey: KeyObject, name: string): VerifiedCheckpoint {
  const split = note.indexOf('\n\n');
  if (split < 0 || !note.endsWith('\n') || CONTROL.test(note)) throw new CheckpointError('not a signed note');
  const body = note.slice(0, split + 1);
  const checkpoint = parseBody(body);
  if (checkpoint.origin !== name) throw new CheckpointError(`origin ${checkpoint.origin} is not ${name}`);
  const ourId = keyId(name, publicKey);
  const ours = note
    .slice(split + 2, -1)
    .split('\n')
    .map(parseSignatureLine)
    .filter((line) => line.name === name && line.keyId.equals(ourId));
  if (ours.length === 0) throw new CheckpointError(`no signature by ${name} with key id ${ourId.toString('hex')}`);
  for (const line of ours) {
    if (!verifies(body, publicKey, line.signature)) throw new CheckpointError('bad signature');
  }
  return { ...checkpoint, keyId: ourId, signature: ours[0].signature, note };
}

export function checkpointJson(cp: VerifiedCheckpoint): CheckpointJson {
  return {
    origin: cp.origin,
    treeSize: cp.treeSize,
    rootHash: cp.rootHash.toString('hex'),
    timestamp: cp.timestamp.toISOString(),
    keyId: cp.keyId.toString('hex'),
    signature: cp.signature.toString('base64'),
    note: cp.note,
  };
}

/** Strict about the lines we write; other extension lines are allowed (and signed) but ignored. */
function parseBody(body: string): Checkpoint {
  const lines = body.split('\n');
  if (lines.pop() !== '' || lines.length < 4) throw new CheckpointError('a checkpoint body has at least 4 lines');
  const [origin, size, root, ...extensions] = lines;
  if (origin.length === 0 || /[\s+]/u.test(origin)) throw new CheckpointError('bad origin');
  if (!DECIMAL.test(size) || !Number.isSafeInteger(Number(size))) throw new CheckpointError('bad tree size');
  const rootHash = Buffer.from(root, 'base64');
  if (rootHash.length !== HASH_SIZE || rootHash.toString('base64') !== root) throw new CheckpointError('bad root hash');
  const stamps = extensions.map((line) => TIMESTAMP.exec(line)).filter((m) => m !== null);
  if (stamps.length !== 1) throw new CheckpointError('exactly one timestamp line is required');
  const timestamp = new Date(stamps[0][1]);
  if (Number.isNaN(timestamp.getTime()) || timestamp.toISOString() !== stamps[0][1]) throw new CheckpointError('bad timestamp');
  return { origin, treeSize: Number(size), rootHash, timestamp };
}

function verifies(body: string, publicKey: KeyObject, signature: Buffer): boolean {
  try {
    return verify(null, Buffer.from(body, 'utf8'), publicKey, signature);
  } catch {
    return false; // e.g. a signature of the wrong length
  }
}

function parseSignatureLine(line: string): { name: string; keyId: Buffer; signature: Buffer } {
  const match = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/.exec(line);
  if (!match) throw new CheckpointError('malformed signature line');
  const blob = Buffer.from(match[2], 'base64');
  // Node's decoder ignores the spare bits of the last character: insist on the one true encoding.
  if (blob.length < 5 || blob.toString('base64') !== match[2]) throw new CheckpointError('bad signature encoding');
  return { name: match[1], keyId: blob.subarray(0, 4), signature: blob.subarray(4) };
}
