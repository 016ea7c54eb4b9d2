import { mkdirSync, openSync, closeSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { dirname, join } from 'node:path';
import { TEST_STATE_ENV } from '../setup/test-stack';

/** The documentation ranges (RFC 5737): never a real client, fine as an X-Forwarded-For value. */
const RANGES = ['192.0.2', '198.51.100', '203.0.113'];
const PER_RANGE = 254;
const TOTAL = RANGES.length * PER_RANGE;

/**
 * A client address no other test of this jest run has been given. The harness trusts
 * X-Forwarded-For from loopback peers (TRUSTED_PROXIES=loopback, see harness.ts), so a
 * spec sends this header to act from an address of its own; per-address failure and
 * code limits live in the run's shared database, so two specs that drew the same
 * random address would count each other's attempts.
 */
export function uniqueClientAddress(): string {
  const n = claim('client-addresses', TOTAL);
  return `${RANGES[Math.floor(n / PER_RANGE)]}.${(n % PER_RANGE) + 1}`;
}

/**
 * A loopback address (127.0.200.x) for a spec to connect *from* (node:http's
 * `localAddress`): the TCP peer itself, for a spec that trusts no proxy and so cannot
 * choose its address with X-Forwarded-For.
 */
export function uniqueLoopbackPeer(): string {
  return `127.0.200.${claim('loopback-peers', 254) + 1}`;
}

/**
 * Claims one of `total` numbers for this run by creating a file exclusively in the run's
 * own directory (beside the test-stack state file): atomic across jest's worker processes,
 * where a module counter would restart at zero in every spec file of a worker.
 */
function claim(kind: string, total: number): number {
  const dir = join(dirname(process.env[TEST_STATE_ENV]!), kind);
  mkdirSync(dir, { recursive: true });
  const start = randomInt(total); // spreads concurrent claimers, so they rarely race for the same file
  for (let i = 0; i < total; i++) {
    const n = (start + i) % total;
    try {
      closeSync(openSync(join(dir, String(n)), 'wx'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    return n;
  }
  throw new Error(`all ${total} ${kind} of this run are taken`);
}

/** The header that makes a request come from `address` (see uniqueClientAddress). */
export const fromAddress = (address = uniqueClientAddress()) => ({ 'x-forwarded-for': address });
