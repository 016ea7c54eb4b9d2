import { routePattern } from './route-pattern';

describe('routePattern', () => {
  it('is the matched route with its mount point, never the URL', () => {
    expect(routePattern({ baseUrl: '', route: { path: '/v1/payments/:paymentId' } })).toBe('/v1/payments/:paymentId');
    expect(routePattern({ baseUrl: '/v1', route: { path: '/me' } })).toBe('/v1/me');
  });

  it('is "unmatched" when no route took the request', () => {
    expect(routePattern({})).toBe('unmatched');
    expect(routePattern({ route: { path: /regex/ } })).toBe('unmatched');
    expect(routePattern({ baseUrl: '', route: { path: '/{*path}' } })).toBe('unmatched');
  });
});
