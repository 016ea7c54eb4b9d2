import { AuditService } from '@infra/audit/audit.service';

/**
 * The API with its audit appends switched off, for the benchmark's "audit on vs off"
 * comparison only: started by bench/scenarios/login.bench.ts as a separate process
 * (`node dist/bench/support/api-audit-off.js`), never by the product. Every public way
 * to append becomes a no-op before the API's main module loads; the benchmark counts
 * the records written meanwhile, so an append path that bypasses these shows up.
 */
const APPENDS = ['append', 'record'] as const;
const proto = AuditService.prototype as unknown as Record<string, unknown>;
for (const name of APPENDS) {
  if (typeof proto[name] !== 'function') throw new Error(`AuditService.${name} is gone: update bench/support/api-audit-off.ts`);
  proto[name] = async () => undefined;
}
// Loaded after the patch: main.ts starts the API as soon as it is loaded.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an import would be hoisted above the patch
require('../../apps/api/src/main');
