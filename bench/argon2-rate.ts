import { PasswordHasher, type Argon2Params } from '@infra/crypto/password-hasher';

/**
 * The physical limit of password login: argon2id verifications per second in a
 * bare Node process with the API's hasher, parameters and UV_THREADPOOL_SIZE, with
 * enough verifications in flight to keep every pool thread busy. Run as a child
 * process by the login benchmark; prints one JSON line.
 */
async function main(): Promise<void> {
  const params = JSON.parse(process.argv[2] ?? '{}') as Argon2Params & { seconds: number; inFlight?: number };
  const hasher = new PasswordHasher(params);
  const phc = await hasher.hash('Kazakh-Steppe-2026!');
  const pool = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  const inFlight = params.inFlight ?? pool * 4;
  // Warm-up: a few rounds so the pool threads and their memory exist.
  await Promise.all(Array.from({ length: pool }, () => hasher.verify(phc, 'Kazakh-Steppe-2026!')));
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(params.seconds * 1e9));
  let done = 0;
  const lane = async () => {
    while (process.hrtime.bigint() < deadline) {
      if (!(await hasher.verify(phc, 'Kazakh-Steppe-2026!'))) throw new Error('verify failed');
      done++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ verifies: done, seconds, perSecond: done / seconds, threadPool: pool, inFlight }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
