import type { Managed } from '../../scripts/stack/processes';

export default async function globalTeardown(): Promise<void> {
  const processes = (globalThis as { __stack?: Managed[] }).__stack ?? [];
  await Promise.all(processes.map((p) => p.stop()));
}
