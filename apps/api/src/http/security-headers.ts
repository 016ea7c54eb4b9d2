import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** JSON needs nothing from a browser: no sources, no framing, no forms, no base. */
const API_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };

/**
 * Swagger UI loads its scripts and styles from /docs, styles some elements inline,
 * draws data: images and calls the API itself ("Try it out"). No upgrade-insecure-requests:
 * a plain-HTTP development server must still load its own assets.
 */
const DOCS_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * On every response: HSTS, nosniff, no referrer, no framing, the API's CSP. The codec
 * sign-in page sets its own CSP at its route (CODEC_PAGE_CSP), which replaces this one.
 */
export const securityHeaders: RequestHandler = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
  strictTransportSecurity: { maxAge: 365 * 24 * 3600, includeSubDomains: true },
  referrerPolicy: { policy: 'no-referrer' },
  frameguard: { action: 'deny' },
});

/** Mounted at /docs after securityHeaders: replaces the CSP so Swagger UI works. */
export const docsContentSecurityPolicy: RequestHandler = helmet.contentSecurityPolicy({ useDefaults: false, directives: DOCS_CSP });

/**
 * Nothing the API answers may be stored by a browser or a shared cache: most answers are
 * per-user (session keys, balances, statements), and the rest gain nothing from caching.
 * Set first, so that error answers carry it too; a handler may still choose otherwise.
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
