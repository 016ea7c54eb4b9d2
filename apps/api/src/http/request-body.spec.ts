import { bodyProblem } from '../common/problem.filter';
import { jsonDeeperThan, MAX_JSON_DEPTH } from './request-body';
import { isProxyEntry } from './trusted-proxies';

describe('request bodies', () => {
  it('measures JSON depth without counting brackets inside strings', () => {
    expect(jsonDeeperThan(Buffer.from('{"a":[{"b":1}]}'), 3)).toBe(false);
    expect(jsonDeeperThan(Buffer.from('{"a":[{"b":[1]}]}'), 3)).toBe(true);
    expect(jsonDeeperThan(Buffer.from(`{"a":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`), 2)).toBe(false);
    expect(jsonDeeperThan(Buffer.from('['.repeat(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH)).toBe(true);
  });

  it('words parser errors itself, never with their message (JSON.parse quotes the body)', () => {
    expect(bodyProblem({ status: 400, type: 'entity.parse.failed' })).toMatchObject({ status: 400, detail: 'malformed JSON body' });
    expect(bodyProblem({ status: 415, type: 'encoding.unsupported' })).toMatchObject({ status: 415, code: 'REQUEST.UNSUPPORTED_ENCODING' });
    expect(bodyProblem({ status: 400 })).toMatchObject({ status: 400, code: 'REQUEST.BODY_UNREADABLE' });
  });
});

describe('TRUSTED_PROXIES entries', () => {
  it.each(['loopback', 'linklocal', 'uniquelocal', '10.0.0.1', '10.0.0.0/8', '10.0.0.0/255.0.0.0', 'fd00::/8', '::1'])('accepts %s', (entry) => {
    expect(isProxyEntry(entry)).toBe(true);
  });
  it.each(['*', 'true', '10.0.0.0/33', 'fd00::/129', 'example.com', '10.0.0.1/8/8', ''])('refuses %s', (entry) => {
    expect(isProxyEntry(entry)).toBe(false);
  });
});
