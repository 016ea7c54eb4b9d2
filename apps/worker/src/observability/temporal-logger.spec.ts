import { Writable } from 'node:stream';
import { temporalPinoLogger } from './temporal-logger';

const capture = () => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')));
      done();
    },
  });
  return { lines, stream };
};

describe('the Temporal SDK logger', () => {
  it('writes the SDK’s levels as pino JSON lines with their metadata', () => {
    const { lines, stream } = capture();
    const logger = temporalPinoLogger('debug', stream);
    logger.log('WARN', 'Worker state changed', { sdkComponent: 'worker', taskQueue: 'q', state: 'DRAINING' });
    logger.debug('activity started', { activityType: 'issueCode' });
    logger.trace('not at this level');
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: 'Worker state changed', service: 'worker', component: 'temporal', taskQueue: 'q', state: 'DRAINING' }),
      expect.objectContaining({ level: 20, msg: 'activity started', activityType: 'issueCode' }),
    ]);
  });

  it('redacts secrets as every other log does', () => {
    const { lines, stream } = capture();
    temporalPinoLogger('info', stream).error('activity failed', { code: '123456', token: 't', input: { password: 'p', sessionKey: 's' }, workflowId: 'w' });
    expect(lines[0]).toMatchObject({ code: '[REDACTED]', token: '[REDACTED]', input: { password: '[REDACTED]', sessionKey: '[REDACTED]' }, workflowId: 'w' });
  });

  it('never writes the payload keys the SDK puts in a new worker’s options (DEBUG)', () => {
    const { lines, stream } = capture();
    const key = Buffer.from('0123456789abcdef0123456789abcdef');
    const codec = { current: { id: 'k1', key } };
    temporalPinoLogger('debug', stream).debug('Creating worker', {
      options: { taskQueue: 'q', dataConverter: { payloadCodecs: [codec] }, loadedDataConverter: { payloadCodecs: [codec] } },
    });
    expect(lines[0]).toMatchObject({ options: { taskQueue: 'q', dataConverter: '[REDACTED]', loadedDataConverter: '[REDACTED]' } });
    expect(JSON.stringify(lines)).not.toContain(JSON.stringify([...key]).slice(1, 20));
  });
});
