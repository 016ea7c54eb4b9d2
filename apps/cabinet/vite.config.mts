import { defineConfig } from 'vite';

/**
 * The reference cabinet. `npm run up` builds it (`vite build`) and serves the bundle at CABINET_URL
 * with /v1 proxied to the API (scripts/stack/cabinet.ts), so the browser talks to one origin and
 * the API needs no CORS. `npx vite --config apps/cabinet/vite.config.mts` is the dev server with
 * the same proxy, for working on the cabinet itself.
 */
const api = process.env.CABINET_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: import.meta.dirname,
  // Vite 8 transforms TSX itself (Oxc); React 19's automatic runtime, no plugin needed.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir: process.env.CABINET_OUT_DIR ?? '../../dist/cabinet', emptyOutDir: true, reportCompressedSize: false },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy: { '/v1': { target: api } } },
  logLevel: 'warn',
});
