/** What Express leaves on a request it routed: the matched route and the mount point. */
export interface RoutedRequest {
  method?: string;
  baseUrl?: string;
  route?: { path?: unknown };
}

/**
 * The route pattern a request matched (`/v1/payments/:paymentId`), never the raw URL: ids
 * and e-mailed tokens stay out of metric labels and span names, and the label set stays
 * bounded. `unmatched` for anything no route took (404s, probes of random paths).
 */
export function routePattern(req: RoutedRequest): string {
  const path = req.route?.path;
  // Nest answers what no controller takes through a catch-all route (`/{*path}`).
  if (typeof path !== 'string' || CATCH_ALL.test(path)) return 'unmatched';
  return `${req.baseUrl ?? ''}${path}` || '/';
}

const CATCH_ALL = /^\/?(\*|\{\*\w*\}|\(\.\*\))$/;
