import { readFileSync } from 'node:fs';
import type { SharedEnv } from '../config/env.schema';

/**
 * Connection settings for both the client (api) and the worker. Pointing
 * TEMPORAL_ADDRESS/NAMESPACE/TLS at a Temporal cluster or Temporal Cloud needs
 * no code change — that is how the service grows past one machine.
 */
export function temporalConnectionOptions(env: SharedEnv) {
  const read = (path?: string) => (path ? readFileSync(path) : undefined);
  const clientCert = read(env.TEMPORAL_TLS_CERT_PATH);
  const clientKey = read(env.TEMPORAL_TLS_KEY_PATH);
  const tls =
    env.TEMPORAL_TLS || clientCert
      ? {
          serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME,
          serverRootCACertificate: read(env.TEMPORAL_TLS_CA_PATH),
          clientCertPair: clientCert && clientKey ? { crt: clientCert, key: clientKey } : undefined,
        }
      : undefined;
  return { address: env.TEMPORAL_ADDRESS, tls, apiKey: env.TEMPORAL_API_KEY };
}
