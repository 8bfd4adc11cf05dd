import { AsyncLocalStorage } from 'node:async_hooks';
import type { Redis } from 'ioredis';

/**
 * A debug counter of the PostgreSQL statements and Redis commands one request causes
 * (`CLIENTFLOWS_DEBUG_ROUND_TRIPS=1`): each REST answer then carries them in the
 * `x-clientflows-round-trips` header. Off by default; when off nothing is wrapped or looked up.
 */
export interface RoundTrips {
  postgres: number;
  redis: number;
}

export const ROUND_TRIPS_HEADER = 'x-clientflows-round-trips';

const current = new AsyncLocalStorage<RoundTrips>();

/** Runs `work` with a fresh counter that every statement and command it causes adds to. */
export function withRoundTripCounter<T>(work: (counts: RoundTrips) => T): T {
  const counts: RoundTrips = { postgres: 0, redis: 0 };
  return current.run(counts, () => work(counts));
}

export function countPostgresStatement(): void {
  const counts = current.getStore();
  if (counts !== undefined) counts.postgres++;
}

export function formatRoundTrips(counts: RoundTrips): string {
  return `postgres=${counts.postgres}; redis=${counts.redis}`;
}

/** Counts every command `redis` sends from now on (EVALSHA counts as one, whatever the script does). */
export function countRedisCommands(redis: Redis): void {
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((...args: Parameters<Redis['sendCommand']>) => {
    const counts = current.getStore();
    if (counts !== undefined) counts.redis++;
    return send(...args);
  }) as Redis['sendCommand'];
}
