import { availableParallelism } from 'node:os';

/**
 * Sizes libuv's thread pool, where argon2 (@node-rs/argon2) hashes and verifies passwords,
 * to the cores: libuv reads UV_THREADPOOL_SIZE once, when something first uses the pool, so
 * this module must be the entry point's first import (main.ts), before any module that could
 * touch the pool (fs, dns, crypto, zlib) is loaded. A value set in the environment wins
 * (validated with the rest of the configuration, api-env.ts); unset, one thread per core:
 * argon2 is CPU-bound, so more threads than cores only make each verification slower.
 */
export const threadPoolSize = (env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number => {
  const configured = Number(env.UV_THREADPOOL_SIZE);
  return Number.isInteger(configured) && configured >= 1 ? configured : cores;
};

process.env.UV_THREADPOOL_SIZE = String(threadPoolSize());
