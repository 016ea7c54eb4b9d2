import { Algorithm, hash, verify } from '@node-rs/argon2';

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane. */
export const OWASP_ARGON2ID: Argon2Params = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };

/**
 * argon2id password hashing (PHC strings, so parameters can rise later and old
 * hashes still verify). Runs on libuv's thread pool, off the event loop.
 */
export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  constructor(private readonly params: Argon2Params = OWASP_ARGON2ID) {}

  hash(password: string): Promise<string> {
    return hash(password, {
      algorithm: Algorithm.Argon2id,
      memoryCost: this.params.memoryKiB,
      timeCost: this.params.iterations,
      parallelism: this.params.parallelism,
    });
  }

  async verify(phc: string, password: string): Promise<boolean> {
    try {
      return await verify(phc, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, for logins that don't exist (no account enumeration). */
  async verifyDummy(password: string): Promise<false> {
    this.dummy ??= this.hash('dummy-password-for-timing');
    await this.verify(await this.dummy, password);
    return false;
  }
}
