import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { SecurityParameters } from '../api/schema';

let cached: Promise<SecurityParameters | undefined> | null = null;

/** GET /v1/security/parameters (§1.11), fetched once: lifetimes, cooldowns and the password policy. */
export function useSecurityParameters(): SecurityParameters | null {
  const [params, setParams] = useState<SecurityParameters | null>(null);
  useEffect(() => {
    cached ??= api.GET('/v1/security/parameters').then(({ data }) => data);
    void cached.then((data) => data && setParams(data));
  }, []);
  return params;
}
