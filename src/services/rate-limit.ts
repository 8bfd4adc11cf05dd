import type { Redis } from 'ioredis';
import type { RateLimitConfig } from '../config/config';
import { LuaScript } from '../lib/lua-script';
import type { Logger } from '../lib/log';
import type { Metrics } from '../lib/metrics';
import { redisIsDown, withTimeout } from '../lib/redis-calls';

/** Nothing happened when refused; the client may retry after the given whole seconds. */
export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A token bucket in one hash (`tokens`, `at` in ms), refilled continuously, timed by Redis's own
 * clock so every instance agrees. Returns 0 when a token was taken, else the milliseconds until
 * one is available. One EVALSHA: one round trip.
 */
export const TOKEN_BUCKET_SCRIPT = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
if tokens < 1 then
  return math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - 1), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return 0
`;

const script = new LuaScript(TOKEN_BUCKET_SCRIPT);

/** The check waits at most this long; past it the request goes through (fail open). */
const CHECK_TIMEOUT_MS = 250;

/**
 * Per-subject request limits backed by Redis (queue-engine.md §11: over the limit → 429
 * `ratelimited` with Retry-After, nothing changed). When Redis is down or slow the request is
 * allowed: the limit protects the service, it must never be what takes it down.
 */
export class RateLimiter {
  constructor(
    private readonly deps: { redis: Redis; config: RateLimitConfig; metrics: Metrics; log: Logger },
  ) {}

  get enabled(): boolean {
    return this.deps.config.perSecond > 0;
  }

  /** Takes one token from `key`'s bucket. */
  async take(key: string): Promise<RateLimitResult> {
    const { redis, config, metrics, log } = this.deps;
    if (!this.enabled) return { ok: true };
    if (redisIsDown(redis)) {
      metrics.increment('rate_limit_checks_skipped');
      return { ok: true };
    }
    let waitMs: number;
    try {
      waitMs = Number(await withTimeout(script.run(redis, [`ratelimit:${key}`], [config.perSecond, config.burst]), CHECK_TIMEOUT_MS));
    } catch (error) {
      metrics.increment('rate_limit_checks_skipped');
      log.warn({ err: error }, 'rate limit check skipped');
      return { ok: true };
    }
    if (!(waitMs > 0)) return { ok: true };
    metrics.increment('requests_rate_limited');
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}

/** peek, pop and custom pops share one bucket per user. */
export function limitUserRequest(limiter: RateLimiter, userId: string): Promise<RateLimitResult> {
  return limiter.take(`user:${userId}`);
}

/**
 * trace authenticates with a screen JWT alone (REST cannot tell whose it is without a read), so
 * its bucket is the screen log row the JWT names. Every peek mints a new one and peeks are
 * limited per user, which bounds a user's traces as well.
 */
export function limitTrace(limiter: RateLimiter, logUid: string): Promise<RateLimitResult> {
  return limiter.take(`trace:${logUid}`);
}
