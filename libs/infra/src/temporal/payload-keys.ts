/** One AES-256 key for Temporal payloads, named so a payload says which key sealed it. */
export interface PayloadKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Reads `PAYLOAD_KEYS` = `keyId:base64key,...`: the first key encrypts, every key
 * decrypts — so a key is rotated by putting a new one first and keeping the old
 * ones until no history that needs them is retained. Returns the problems, if any.
 */
export function readPayloadKeys(spec: string): { keys: PayloadKey[]; problems: string[] } {
  const keys: PayloadKey[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const entries = spec
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) problems.push('at least one key is required, as keyId:base64key');
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    const material = colon > 0 ? entry.slice(colon + 1) : '';
    if (!KEY_ID.test(id)) return void problems.push(`key ${i + 1}: needs an id of letters, digits, ".", "_" or "-" before ":"`);
    if (seen.has(id)) return void problems.push(`key ${i + 1}: id "${id}" is used twice`);
    seen.add(id);
    const key = Buffer.from(material, 'base64');
    // Never echo the material itself in a message.
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(material) || key.length !== 32) {
      return void problems.push(`key "${id}": must be base64 of exactly 32 random bytes`);
    }
    keys.push({ id, key });
  });
  return { keys, problems };
}

export function parsePayloadKeys(spec: string): PayloadKey[] {
  const { keys, problems } = readPayloadKeys(spec);
  if (problems.length) throw new Error(`PAYLOAD_KEYS: ${problems.join('; ')}`);
  return keys;
}
