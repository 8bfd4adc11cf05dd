import type { Redis } from 'ioredis';

/** Connection states in which a command would only wait for a reconnect: give up at once instead. */
const DOWN_STATES = new Set(['reconnecting', 'close', 'end']);

/** Whether a command sent now would sit in the offline queue rather than reach Redis. */
export function redisIsDown(redis: Redis): boolean {
  return DOWN_STATES.has(redis.status);
}

/** `work`, or a rejection after `ms` milliseconds (the work itself is not cancelled). */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from redis within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
