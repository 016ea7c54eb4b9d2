/** Served with a CSP that allows nothing but this page's own style and a form post to itself. */
export const CODEC_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem}input{width:100%;padding:.5rem;margin:.5rem 0}button{padding:.5rem 1rem}</style>
</head><body><h1>${title}</h1>${body}</body></html>`;

/** Operators sign their browser in once, so the Temporal UI can decode history. */
export const codecLoginPage = () =>
  page(
    'Temporal UI: decode payloads',
    `<p>Workflow payloads are encrypted. Sign this browser in with your operator token so the Temporal UI
can decode them; then, in the UI's codec server settings, use your browser's setting with this server's
<code>/codec</code> endpoint and tick <em>Include cross-origin credentials</em>.</p>
<form method="post" action="session"><label>Operator token <input name="token" type="password" autocomplete="off" required></label>
<button type="submit">Sign in</button></form>`,
  );

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** `uiUrl`: the Temporal Web UI (TEMPORAL_UI_URL, else the first CODEC_CORS_ORIGINS entry). */
export const codecSignedInPage = (operatorId: string, expiresAt: Date, uiUrl: string) =>
  page(
    'Signed in',
    `<p>This browser can decode payloads as <code>${escapeHtml(operatorId)}</code> until ${expiresAt.toISOString()}.
Reload the Temporal UI.</p>
<p><a href="${escapeHtml(uiUrl)}">Back to the Temporal UI</a></p>`,
  );
