import { isIP } from 'node:net';
import { z } from 'zod';

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** An Express 'trust proxy' entry: a named range, an address, or an address with a prefix length or netmask. */
export function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address = '', range, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(range) === 4;
}

/**
 * TRUSTED_PROXIES: comma-separated, in Express 'trust proxy' syntax. Empty (the default)
 * trusts nobody: the client address is then the TCP peer, so a caller cannot choose the
 * address its failed logins count against (§1.16) by sending X-Forwarded-For.
 */
export const trustedProxiesSchema = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().refine(isProxyEntry, 'each entry must be an address, a CIDR, or loopback/linklocal/uniquelocal')));
