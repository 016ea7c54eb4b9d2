import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

const SESSION = 'cabinet.sessionKey';

/** The session key lives in this tab only (sessionStorage): closing the tab forgets it. */
export const session = {
  get: (): string | null => sessionStorage.getItem(SESSION),
  set: (key: string): void => sessionStorage.setItem(SESSION, key),
  clear: (): void => sessionStorage.removeItem(SESSION),
};

let onUnauthorized: () => void = () => undefined;
/** What to do when the API says the session is gone (401): the app sends the user to the login page. */
export const whenUnauthorized = (handler: () => void): void => {
  onUnauthorized = handler;
};

const auth: Middleware = {
  onRequest({ request }) {
    const key = session.get();
    if (key && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${key}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('authorization')) {
      session.clear();
      onUnauthorized();
    }
    return response;
  },
};

/** A network failure becomes a problem like any other, so every page shows it the same way. */
async function fetchOrProblem(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    const problem = { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'the API cannot be reached', code: 'SERVICE.UNAVAILABLE' };
    return new Response(JSON.stringify(problem), { status: 503, headers: { 'content-type': 'application/problem+json' } });
  }
}

/** One typed client for the whole cabinet: same origin, /v1 is proxied to the API. */
export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: fetchOrProblem });
api.use(auth);

/** A fresh Idempotency-Key for one creating call (the spec: every creating POST accepts one). */
export const idempotencyKey = (): string => crypto.randomUUID();
