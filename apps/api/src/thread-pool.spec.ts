import { threadPoolSize } from './thread-pool';

describe('libuv thread pool size (argon2)', () => {
  it('one thread per core unless configured', () => {
    expect(threadPoolSize({}, 2)).toBe(2);
    expect(threadPoolSize({ UV_THREADPOOL_SIZE: '6' }, 2)).toBe(6);
    expect(threadPoolSize({ UV_THREADPOOL_SIZE: 'lots' }, 2)).toBe(2);
  });
});
