import path from 'node:path';
import { checkFileKey } from '../domain/media/file-key';
import { findExecutable } from '../infra/processes';
import { ConfigError } from './errors';
import { resolveSecrets, type Secrets } from './secrets';

export { ConfigError };

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  port: number;
  host: string;
  /** null: start the embedded PostgreSQL kept in `dataDir`. */
  databaseUrl: string | null;
  /** null: spawn a private redis-server. */
  redisUrl: string | null;
  /** PostgreSQL connections this process keeps at most (`DATABASE_POOL_SIZE`, default 20). */
  databasePoolSize: number;
  /** `CLIENTFLOWS_DEBUG_ROUND_TRIPS=1`: REST answers report their PostgreSQL statements and Redis commands. */
  debugRoundTrips: boolean;
  /** Absolute path of the local state (embedded database, generated secrets). */
  dataDir: string;
  /** Where media originals, exports and upload parts live (`FILE_STORE`, `MEDIA_DIR`, `S3_*`). */
  fileStore: FileStoreConfig;
  nodeEnv: NodeEnv;
  logLevel: string;
  statsTimezone: string;
  /** Whether this process runs the daily jobs itself (each job once per stats day across all instances). */
  jobScheduler: boolean;
  /** Rows of the two screen log tables older than this many days are deleted by `cleanup_old_screen_logs`. */
  screenLogRetentionDays: number;
  requestBodyLimitBytes: number;
  /** Operation limits checked before any GraphQL operation runs (0 turns one off); docs/operations.md. */
  graphqlLimits: GraphQLLimits;
  /** Schema introspection and Apollo's landing page (`GRAPHQL_INTROSPECTION`; off in production by default). */
  graphqlIntrospection: boolean;
  /** Per-user token bucket on peek, pop and trace (`RATE_LIMIT_PER_SECOND` 0 turns it off). */
  rateLimit: RateLimitConfig;
  /** Bearer token `GET /metrics` requires (`METRICS_TOKEN`); without one, production serves no metrics. */
  metricsToken: string | null;
  /** The content ladder's tools (`FFMPEG_PATH`, docs/media-uploads.md); null: the passthrough content processor. */
  ffmpeg: FfmpegConfig | null;
  /** Absolute paths of plugin modules (`CLIENTFLOWS_PLUGINS`, comma-separated), see docs/extending.md. */
  plugins: string[];
  secrets: Secrets;
  /**
   * Test hook (`CLIENTFLOWS_TEST_DROP_DEFINITION_PURGES=1`, only with NODE_ENV=test): this
   * instance ignores definition purge messages, so only the version counters bound staleness.
   */
  testDropDefinitionPurges: boolean;
}

/**
 * The media FileStore. Instances that share media share it: one directory (`MEDIA_DIR` on a shared
 * volume) or one bucket.
 */
export type FileStoreConfig =
  | {
      kind: 'local';
      /** Absolute root directory (`MEDIA_DIR`). */
      root: string;
    }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      /** An S3-compatible service's URL; null: AWS S3. */
      endpoint: string | null;
      /** Bucket in the path (`endpoint/bucket/key`) rather than the host name. */
      forcePathStyle: boolean;
      /** `''` or `/`-terminated key segments prepended to every key. */
      keyPrefix: string;
    };

export interface GraphQLLimits {
  /** Deepest field nesting, fragments expanded. */
  maxDepth: number;
  /** Aliased fields in one document. */
  maxAliases: number;
  /** Estimated cost: 1 per field, list fields times their page size (`first`, `last`, `limit`). */
  maxCost: number;
}

/** x264's presets, fastest first. */
export const X264_PRESETS = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow', 'slower', 'veryslow'] as const;
export type X264Preset = (typeof X264_PRESETS)[number];

export interface FfmpegConfig {
  /** Absolute path of the ffmpeg binary. */
  ffmpegPath: string;
  /** Absolute path of ffprobe (`FFPROBE_PATH`; default the one beside ffmpeg, else on PATH). */
  ffprobePath: string;
  /** x264 preset of the video ladder (`FFMPEG_PRESET`). */
  preset: X264Preset;
  /** One ffmpeg or ffprobe run is killed after this long (`FFMPEG_TIMEOUT_SECONDS`). */
  timeoutSeconds: number;
}

export interface RateLimitConfig {
  /** Tokens refilled per second; 0: no limit. */
  perSecond: number;
  /** Bucket size: the burst a user may spend at once. */
  burst: number;
}

const NODE_ENVS: readonly NodeEnv[] = ['development', 'production', 'test'];
/** pino's levels: the logger is built from this value. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A variable's value, with empty or blank treated as unset (`PORT=` in a .env file). */
function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = setting(env, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const text = setting(env, name);
  if (text === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(text)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${text}"`);
  }
  return text as T;
}

/** A connection URL with one of the given schemes; the value is never echoed (it may hold a password). */
function connectionUrl(env: NodeJS.ProcessEnv, name: string, schemes: readonly string[]): string | null {
  const text = setting(env, name);
  if (text === undefined) return null;
  let scheme: string | null = null;
  try {
    scheme = new URL(text).protocol.slice(0, -1);
  } catch {
    // reported below
  }
  if (scheme === null || !schemes.includes(scheme)) {
    throw new ConfigError(`${name} must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`);
  }
  return text;
}

function timeZone(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const zone = setting(env, name) ?? fallback;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new ConfigError(`${name} must be an IANA time zone such as America/Los_Angeles, got "${zone}"`);
  }
  return zone;
}

/** Settings that only mean something for the other store: set by mistake, media would silently go elsewhere. */
const S3_VARIABLES = ['S3_BUCKET', 'S3_REGION', 'S3_ENDPOINT', 'S3_FORCE_PATH_STYLE', 'S3_KEY_PREFIX'];
/** AWS's bucket naming rules (3-63 characters), which S3-compatible services follow. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Credentials are never read here: the AWS SDK's own chain finds them (AWS_ACCESS_KEY_ID, profiles, roles). */
function fileStore(env: NodeJS.ProcessEnv, dataDir: string): FileStoreConfig {
  const kind = oneOf(env, 'FILE_STORE', ['local', 's3'] as const, 'local');
  if (kind === 'local') {
    const stray = S3_VARIABLES.find((name) => setting(env, name) !== undefined);
    if (stray !== undefined) throw new ConfigError(`${stray} is set but FILE_STORE is local: set FILE_STORE=s3 to keep media in S3, or unset ${stray}`);
    return { kind, root: path.resolve(setting(env, 'MEDIA_DIR') ?? path.join(dataDir, 'media')) };
  }
  if (setting(env, 'MEDIA_DIR') !== undefined) throw new ConfigError('MEDIA_DIR is set but FILE_STORE=s3 keeps media in S3_BUCKET: unset MEDIA_DIR');
  const bucket = setting(env, 'S3_BUCKET');
  if (bucket === undefined) throw new ConfigError('S3_BUCKET is required with FILE_STORE=s3');
  if (!BUCKET_NAME.test(bucket) || bucket.includes('..')) {
    throw new ConfigError(`S3_BUCKET must be a bucket name (3-63 lowercase letters, digits, dots and hyphens), got "${bucket}"`);
  }
  const region = setting(env, 'S3_REGION') ?? setting(env, 'AWS_REGION') ?? 'us-east-1';
  if (!/^[A-Za-z0-9-]{1,64}$/.test(region)) throw new ConfigError(`S3_REGION must be a region name such as eu-west-1, got "${region}"`);
  const endpoint = connectionUrl(env, 'S3_ENDPOINT', ['http', 'https']);
  // S3-compatible services rarely have a wildcard DNS name per bucket: path style unless told otherwise.
  const forcePathStyle = oneOf(env, 'S3_FORCE_PATH_STYLE', ['0', '1'] as const, endpoint === null ? '0' : '1') === '1';
  const prefix = (setting(env, 'S3_KEY_PREFIX') ?? '').replace(/^\/+|\/+$/g, '');
  const problem = prefix === '' ? null : checkFileKey(prefix);
  if (problem !== null) throw new ConfigError(`S3_KEY_PREFIX must be /-separated key segments such as media/prod: ${problem}`);
  return { kind, bucket, region, endpoint, forcePathStyle, keyPrefix: prefix === '' ? '' : `${prefix}/` };
}

/** A switch only tests may turn on: refused outside NODE_ENV=test so it cannot weaken a deployment. */
function testHook(env: NodeJS.ProcessEnv, name: string, nodeEnv: NodeEnv): boolean {
  const on = oneOf(env, name, ['0', '1'], '0') === '1';
  if (on && nodeEnv !== 'test') throw new ConfigError(`${name} is a test hook: it needs NODE_ENV=test`);
  return on;
}

/**
 * An executable named by a setting: a path (relative to the working directory) or a bare name
 * looked up on PATH. Whether it actually runs is checked at boot (src/media/ffmpeg.ts).
 */
function executable(env: NodeJS.ProcessEnv, name: string, value: string): string {
  const found = value.includes('/') ? findExecutable(path.basename(value), path.dirname(path.resolve(value))) : findExecutable(value, env.PATH ?? '');
  if (found === null) {
    throw new ConfigError(`${name}=${value} is not an executable file${value.includes('/') ? '' : ' on PATH'}`);
  }
  return found;
}

/**
 * `FFMPEG_PATH` turns the content ladder on. ffprobe defaults to the binary beside ffmpeg (a
 * distribution or static build ships both together), then to PATH.
 */
function ffmpegConfig(env: NodeJS.ProcessEnv): FfmpegConfig | null {
  const preset = oneOf(env, 'FFMPEG_PRESET', X264_PRESETS, 'slow');
  const timeoutSeconds = integer(env, 'FFMPEG_TIMEOUT_SECONDS', 1800, 1, 86_400);
  const ffmpegSetting = setting(env, 'FFMPEG_PATH');
  if (ffmpegSetting === undefined) return null;
  const ffmpegPath = executable(env, 'FFMPEG_PATH', ffmpegSetting);
  const probeSetting = setting(env, 'FFPROBE_PATH');
  let ffprobePath: string | null;
  if (probeSetting !== undefined) ffprobePath = executable(env, 'FFPROBE_PATH', probeSetting);
  else ffprobePath = findExecutable('ffprobe', path.dirname(ffmpegPath)) ?? findExecutable('ffprobe', env.PATH ?? '');
  if (ffprobePath === null) throw new ConfigError(`FFPROBE_PATH is unset and there is no ffprobe beside ${ffmpegPath} nor on PATH`);
  return { ffmpegPath, ffprobePath, preset, timeoutSeconds };
}

/**
 * The configuration from environment variables, with defaults. Throws ConfigError naming the
 * variable at fault; may create `DATA_DIR/secrets.json` outside production (see resolveSecrets).
 */
export function loadConfig(env: NodeJS.ProcessEnv, opts: { log?: (line: string) => void } = {}): AppConfig {
  const log = opts.log ?? ((line: string) => console.log(line));
  const nodeEnv = oneOf(env, 'NODE_ENV', NODE_ENVS, 'development');
  const dataDir = path.resolve(setting(env, 'DATA_DIR') ?? '.data');
  return {
    // 0 asks the kernel for any free port (tests).
    port: integer(env, 'PORT', 8000, 0, 65535),
    host: setting(env, 'HOST') ?? '127.0.0.1',
    databaseUrl: connectionUrl(env, 'DATABASE_URL', ['postgres', 'postgresql']),
    redisUrl: connectionUrl(env, 'REDIS_URL', ['redis', 'rediss']),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 20, 1, 1000),
    debugRoundTrips: oneOf(env, 'CLIENTFLOWS_DEBUG_ROUND_TRIPS', ['0', '1'] as const, '0') === '1',
    dataDir,
    fileStore: fileStore(env, dataDir),
    nodeEnv,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    statsTimezone: timeZone(env, 'STATS_TIMEZONE', 'America/Los_Angeles'),
    // Off by default under NODE_ENV=test: test servers share one Redis and must not roll up each other's counters.
    jobScheduler: oneOf(env, 'JOB_SCHEDULER', ['on', 'off'] as const, nodeEnv === 'test' ? 'off' : 'on') === 'on',
    screenLogRetentionDays: integer(env, 'SCREEN_LOG_RETENTION_DAYS', 90, 1, 36_500),
    requestBodyLimitBytes: integer(env, 'REQUEST_BODY_LIMIT_BYTES', 1_048_576, 1, Number.MAX_SAFE_INTEGER),
    graphqlLimits: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 12, 0, 1000),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 30, 0, 100_000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 200_000, 0, Number.MAX_SAFE_INTEGER),
    },
    graphqlIntrospection: oneOf(env, 'GRAPHQL_INTROSPECTION', ['on', 'off'] as const, nodeEnv === 'production' ? 'off' : 'on') === 'on',
    rateLimit: {
      // Off by default under NODE_ENV=test: suites race thousands of operations per user on purpose.
      perSecond: integer(env, 'RATE_LIMIT_PER_SECOND', nodeEnv === 'test' ? 0 : 10, 0, 1_000_000),
      burst: integer(env, 'RATE_LIMIT_BURST', 60, 1, 1_000_000),
    },
    metricsToken: setting(env, 'METRICS_TOKEN') ?? null,
    ffmpeg: ffmpegConfig(env),
    plugins: (setting(env, 'CLIENTFLOWS_PLUGINS') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .map((entry) => path.resolve(entry)),
    secrets: resolveSecrets(env, dataDir, nodeEnv, log),
    testDropDefinitionPurges: testHook(env, 'CLIENTFLOWS_TEST_DROP_DEFINITION_PURGES', nodeEnv),
  };
}
