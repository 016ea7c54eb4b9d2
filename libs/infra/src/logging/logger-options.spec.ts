import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACT_PATHS, redactUrl } from './logger-options';

describe('log redaction', () => {
  it('hides e-mailed tokens in request paths', () => {
    expect(redactUrl('/v1/registrations/abcDEF_123-xyz/verify')).toBe('/v1/registrations/[REDACTED]/verify');
    expect(redactUrl('/v1/auth/recovery/tok3n/code?x=1')).toBe('/v1/auth/recovery/[REDACTED]/code?x=1');
    expect(redactUrl('/v1/payments/123')).toBe('/v1/payments/123');
  });

  it('never writes secrets, wherever they sit in a log object', () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((out += chunk.toString()), done()) });
    const log = pino({ redact: { paths: REDACT_PATHS, censor: '[REDACTED]' } }, sink);
    log.info({
      req: { headers: { authorization: 'Bearer session-key-secret', cookie: 'sid=cookie-secret' } },
      body: { password: 'Hunter2-password!', code: '123456', token: 'link-token-secret', sessionKey: 'sk-secret' },
      password: 'top-level-password',
    });
    for (const secret of ['session-key-secret', 'cookie-secret', 'Hunter2-password!', '123456', 'link-token-secret', 'sk-secret', 'top-level-password']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[REDACTED]');
  });
});
