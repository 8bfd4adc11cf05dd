import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LuaScript } from './lua-script';

const renewScript = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`);
const releaseScript = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`);

/**
 * A lock held in Redis (`SET key token NX PX ttl`): it expires by itself when its holder dies,
 * so the holder renews it while working and only the holder (same token) can renew or release it.
 */
export class RedisLock {
  private constructor(
    private readonly redis: Redis,
    readonly key: string,
    private readonly token: string,
    private readonly ttlMs: number,
  ) {}

  /** The lock, or null when someone else holds it. */
  static async acquire(redis: Redis, key: string, ttlMs: number): Promise<RedisLock | null> {
    const token = randomBytes(16).toString('hex');
    const ok = await redis.set(key, token, 'PX', ttlMs, 'NX');
    return ok === 'OK' ? new RedisLock(redis, key, token, ttlMs) : null;
  }

  /** Extends the lease; false when it was lost (expired and maybe taken by someone else). */
  async renew(): Promise<boolean> {
    return (await renewScript.run(this.redis, [this.key], [this.token, this.ttlMs])) === 1;
  }

  async release(): Promise<void> {
    await releaseScript.run(this.redis, [this.key], [this.token]);
  }
}
