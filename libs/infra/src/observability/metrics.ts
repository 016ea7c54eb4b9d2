import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

/**
 * The process's Prometheus registry: Node's own metrics (process_*, nodejs_*) and the
 * bank's series below. Served on a port of its own (metrics-endpoint.ts), never on the
 * cabinet-facing one. Names: bank_flows_* for business events.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/** One-time codes handed to the SMS provider, by purpose (login, registration, payment…). */
export const codesSent = new Counter({
  name: 'bank_flows_codes_sent_total',
  help: 'One-time codes sent by SMS, by purpose',
  labelNames: ['purpose'] as const,
  registers: [metricsRegistry],
});
