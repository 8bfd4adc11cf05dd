import { Redis } from 'ioredis';
import { spawnRedisServer, type RedisHandle } from '../../src/infra/redis-server';
import { startTestServer, type TestServer } from '../support/server';

/**
 * A test server on a Redis of its own: the stats keys are global, so files that assert exact
 * counters or roll days up must not share the suite's Redis with servers counting other tests.
 */
export async function startServerWithOwnRedis(): Promise<{ server: TestServer; redisHandle: RedisHandle; redis: Redis; close(): Promise<void> }> {
  const redisHandle = await spawnRedisServer({ log: () => {} });
  const server = await startTestServer({ redisUrl: redisHandle.url });
  const redis = new Redis(redisHandle.url, { maxRetriesPerRequest: 1 });
  return {
    server,
    redisHandle,
    redis,
    close: async () => {
      redis.disconnect();
      await server.close();
      await redisHandle.stop();
    },
  };
}

/** Every `stats:*` key with its content: hashes as objects, strings as text. */
export async function statsContent(redis: Redis): Promise<Record<string, unknown>> {
  const keys = (await redis.keys('stats:*')).sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = (await redis.type(key)) === 'hash' ? await redis.hgetall(key) : await redis.get(key);
  return out;
}

/** Every key of the database with its content (hashes as objects, strings as text, other types by name). */
export async function redisContent(redis: Redis): Promise<Record<string, unknown>> {
  const keys = (await redis.keys('*')).sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const type = await redis.type(key);
    out[key] = type === 'hash' ? await redis.hgetall(key) : type === 'string' ? await redis.get(key) : `(${type})`;
  }
  return out;
}

/** Deletes every `stats:*` key. */
export async function clearStats(redis: Redis): Promise<void> {
  const keys = await redis.keys('stats:*');
  if (keys.length > 0) await redis.del(...keys);
}
