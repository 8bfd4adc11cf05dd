import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { SECRET_VARIABLES, SECRETS_FILE } from './secrets';

const ID = 'OSEH_ID_TOKEN_SECRET';
const SCREEN = 'OSEH_CLIENT_SCREEN_JWT_SECRET';
const STRONG = 'x'.repeat(32);
/** Every secret variable but the two the tests name, set to a strong value. */
const OTHERS = Object.fromEntries(Object.values(SECRET_VARIABLES).filter((v) => v !== ID && v !== SCREEN).map((v) => [v, STRONG]));

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'clientflows-config-test-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** Env with both secrets set, so parsing tests touch no file. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...OTHERS, [ID]: 'id-secret', [SCREEN]: 'screen-secret', DATA_DIR: dataDir, ...extra };
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the defaults', () => {
    const config = loadConfig({ ...OTHERS, [ID]: 'a', [SCREEN]: 'b' });
    expect(config).toEqual({
      port: 8000,
      host: '127.0.0.1',
      databaseUrl: null,
      redisUrl: null,
      databasePoolSize: 20,
      debugRoundTrips: false,
      dataDir: path.resolve('.data'),
      fileStore: { kind: 'local', root: path.resolve('.data', 'media') },
      nodeEnv: 'development',
      logLevel: 'info',
      statsTimezone: 'America/Los_Angeles',
      jobScheduler: true,
      screenLogRetentionDays: 90,
      requestBodyLimitBytes: 1_048_576,
      graphqlLimits: { maxDepth: 12, maxAliases: 30, maxCost: 200_000 },
      graphqlIntrospection: true,
      rateLimit: { perSecond: 10, burst: 60 },
      metricsToken: null,
      ffmpeg: null,
      plugins: [],
      secrets: {
        idToken: 'a', clientScreenJwt: 'b', imageFileJwt: STRONG, contentFileJwt: STRONG, transcriptJwt: STRONG, fileUploadJwt: STRONG, progressJwt: STRONG,
      },
      testDropDefinitionPurges: false,
    });
  });

  it('allows the purge-dropping test hook only with NODE_ENV=test', () => {
    expect(loadConfig(env({ NODE_ENV: 'test', CLIENTFLOWS_TEST_DROP_DEFINITION_PURGES: '1' })).testDropDefinitionPurges).toBe(true);
    expect(configError(() => loadConfig(env({ CLIENTFLOWS_TEST_DROP_DEFINITION_PURGES: '1' }))).message).toMatch(/NODE_ENV=test/);
    expect(configError(() => loadConfig(env({ NODE_ENV: 'test', CLIENTFLOWS_TEST_DROP_DEFINITION_PURGES: 'yes' }))).message).toMatch(/one of 0, 1/);
  });

  describe('FFMPEG_PATH', () => {
    /** A directory holding fake executables (and non-executables) named as given. */
    function tools(names: Record<string, 'exec' | 'plain'>): string {
      const dir = mkdtempSync(path.join(dataDir, 'tools-'));
      for (const [name, kind] of Object.entries(names)) writeFileSync(path.join(dir, name), '#!/bin/sh\n', { mode: kind === 'exec' ? 0o755 : 0o644 });
      return dir;
    }

    it('turns the ladder on with ffprobe beside ffmpeg, preset slow and a 30-minute timeout by default', () => {
      const dir = tools({ ffmpeg: 'exec', ffprobe: 'exec' });
      expect(loadConfig(env({ FFMPEG_PATH: path.join(dir, 'ffmpeg') })).ffmpeg).toEqual({
        ffmpegPath: path.join(dir, 'ffmpeg'), ffprobePath: path.join(dir, 'ffprobe'), preset: 'slow', timeoutSeconds: 1800,
      });
    });

    it('looks a bare name up on PATH, ffprobe too when none is beside ffmpeg, and takes FFPROBE_PATH, the preset and the timeout', () => {
      const bin = tools({ ffmpeg: 'exec' });
      const other = tools({ ffprobe: 'exec', probe2: 'exec' });
      const config = loadConfig(env({ PATH: `${bin}:${other}`, FFMPEG_PATH: 'ffmpeg', FFMPEG_PRESET: 'ultrafast', FFMPEG_TIMEOUT_SECONDS: '60' }));
      expect(config.ffmpeg).toEqual({ ffmpegPath: path.join(bin, 'ffmpeg'), ffprobePath: path.join(other, 'ffprobe'), preset: 'ultrafast', timeoutSeconds: 60 });
      expect(loadConfig(env({ PATH: bin, FFMPEG_PATH: 'ffmpeg', FFPROBE_PATH: path.join(other, 'probe2') })).ffmpeg?.ffprobePath).toBe(path.join(other, 'probe2'));
    });

    it('refuses a path that is missing or not executable, a missing ffprobe, an unknown preset', () => {
      const dir = tools({ ffmpeg: 'plain', ffmpeg2: 'exec' });
      expect(configError(() => loadConfig(env({ FFMPEG_PATH: path.join(dir, 'nope') }))).message).toBe(`FFMPEG_PATH=${path.join(dir, 'nope')} is not an executable file`);
      expect(configError(() => loadConfig(env({ FFMPEG_PATH: path.join(dir, 'ffmpeg') }))).message).toMatch(/^FFMPEG_PATH=.* is not an executable file$/);
      expect(configError(() => loadConfig(env({ PATH: dir, FFMPEG_PATH: 'ffmpeg' }))).message).toBe('FFMPEG_PATH=ffmpeg is not an executable file on PATH');
      expect(configError(() => loadConfig(env({ PATH: dir, FFMPEG_PATH: path.join(dir, 'ffmpeg2') }))).message).toMatch(/^FFPROBE_PATH is unset and there is no ffprobe beside/);
      expect(configError(() => loadConfig(env({ FFMPEG_PRESET: 'fastest' }))).message).toMatch(/^FFMPEG_PRESET must be one of ultrafast, .*veryslow/);
    });
  });

  it('reads CLIENTFLOWS_PLUGINS as comma-separated paths, made absolute', () => {
    const config = loadConfig(env({ CLIENTFLOWS_PLUGINS: ' plugins/a.js, /opt/b.mjs ,, ' }));
    expect(config.plugins).toEqual([path.resolve('plugins/a.js'), '/opt/b.mjs']);
  });

  it('reads every variable, treating blank ones as unset', () => {
    const config = loadConfig(
      env({
        PORT: '0',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgresql://u:p@db:5432/app',
        REDIS_URL: 'rediss://cache:6380',
        NODE_ENV: 'test',
        LOG_LEVEL: 'debug',
        STATS_TIMEZONE: 'Europe/Berlin',
        JOB_SCHEDULER: 'on',
        SCREEN_LOG_RETENTION_DAYS: '30',
        REQUEST_BODY_LIMIT_BYTES: '2048',
      }),
    );
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      databaseUrl: 'postgresql://u:p@db:5432/app',
      redisUrl: 'rediss://cache:6380',
      dataDir,
      nodeEnv: 'test',
      logLevel: 'debug',
      statsTimezone: 'Europe/Berlin',
      jobScheduler: true,
      screenLogRetentionDays: 30,
      requestBodyLimitBytes: 2048,
    });
    expect(loadConfig(env({ PORT: ' ', DATABASE_URL: '' }))).toMatchObject({ port: 8000, databaseUrl: null });
    expect(loadConfig(env({ NODE_ENV: 'test' })).jobScheduler).toBe(false);
    expect(loadConfig(env({ NODE_ENV: 'test', JOB_SCHEDULER: 'on' })).jobScheduler).toBe(true);
  });

  it('hardens by default and lets each limit be set or turned off', () => {
    const production = { NODE_ENV: 'production', [ID]: STRONG, [SCREEN]: STRONG };
    expect(loadConfig(env(production))).toMatchObject({ graphqlIntrospection: false, rateLimit: { perSecond: 10 } });
    expect(loadConfig(env({ NODE_ENV: 'test' })).rateLimit.perSecond).toBe(0);
    const config = loadConfig(
      env({
        ...production,
        GRAPHQL_MAX_DEPTH: '0',
        GRAPHQL_MAX_ALIASES: '5',
        GRAPHQL_MAX_COST: '100',
        GRAPHQL_INTROSPECTION: 'on',
        RATE_LIMIT_PER_SECOND: '2',
        RATE_LIMIT_BURST: '3',
        METRICS_TOKEN: 'scrape-me',
      }),
    );
    expect(config).toMatchObject({
      graphqlLimits: { maxDepth: 0, maxAliases: 5, maxCost: 100 },
      graphqlIntrospection: true,
      rateLimit: { perSecond: 2, burst: 3 },
      metricsToken: 'scrape-me',
    });
    expect(configError(() => loadConfig(env({ RATE_LIMIT_BURST: '0' }))).message).toContain('RATE_LIMIT_BURST');
    expect(configError(() => loadConfig(env({ GRAPHQL_INTROSPECTION: 'yes' }))).message).toContain('GRAPHQL_INTROSPECTION');
  });

  it.each(['abc', '-1', '80.5', '65536', '1e3', '0x50'])('rejects PORT=%s naming the variable', (port) => {
    expect(configError(() => loadConfig(env({ PORT: port }))).message).toContain('PORT');
  });

  it.each([
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'verbose'],
    ['STATS_TIMEZONE', 'Mars/Olympus_Mons'],
    ['REQUEST_BODY_LIMIT_BYTES', '0'],
    ['JOB_SCHEDULER', 'yes'],
    ['SCREEN_LOG_RETENTION_DAYS', '0'],
    ['REDIS_URL', 'http://cache:6379'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    expect(configError(() => loadConfig(env({ [name]: value }))).message).toContain(name);
  });

  it('does not echo a bad DATABASE_URL (it may hold a password)', () => {
    const message = configError(() => loadConfig(env({ DATABASE_URL: 'mysql://root:hunter2@db/app' }))).message;
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('hunter2');
  });
});

describe('file store', () => {
  it('is the local disk by default, under DATA_DIR or at MEDIA_DIR', () => {
    expect(loadConfig(env()).fileStore).toEqual({ kind: 'local', root: path.join(dataDir, 'media') });
    expect(loadConfig(env({ FILE_STORE: 'local', MEDIA_DIR: 'shared/media' })).fileStore).toEqual({ kind: 'local', root: path.resolve('shared/media') });
  });

  it('reads the S3 settings, with the region from AWS_REGION or us-east-1 and path style on for a custom endpoint', () => {
    expect(loadConfig(env({ FILE_STORE: 's3', S3_BUCKET: 'media-bucket' })).fileStore).toEqual({
      kind: 's3', bucket: 'media-bucket', region: 'us-east-1', endpoint: null, forcePathStyle: false, keyPrefix: '',
    });
    expect(loadConfig(env({ FILE_STORE: 's3', S3_BUCKET: 'media-bucket', AWS_REGION: 'eu-west-1' })).fileStore).toMatchObject({ region: 'eu-west-1' });
    const custom = loadConfig(
      env({ FILE_STORE: 's3', S3_BUCKET: 'media.example', S3_REGION: 'auto', AWS_REGION: 'eu-west-1', S3_ENDPOINT: 'http://minio:9000', S3_KEY_PREFIX: '/clientflows/prod/' }),
    );
    expect(custom.fileStore).toEqual({
      kind: 's3', bucket: 'media.example', region: 'auto', endpoint: 'http://minio:9000', forcePathStyle: true, keyPrefix: 'clientflows/prod/',
    });
    const virtualHosted = loadConfig(env({ FILE_STORE: 's3', S3_BUCKET: 'media-bucket', S3_ENDPOINT: 'https://s3.example.com', S3_FORCE_PATH_STYLE: '0' }));
    expect(virtualHosted.fileStore).toMatchObject({ forcePathStyle: false });
    expect(loadConfig(env({ FILE_STORE: 's3', S3_BUCKET: 'media-bucket', S3_FORCE_PATH_STYLE: '1' })).fileStore).toMatchObject({ forcePathStyle: true });
  });

  it.each([
    [{ FILE_STORE: 'disk' }, /FILE_STORE must be one of local, s3/],
    [{ FILE_STORE: 's3' }, /S3_BUCKET is required with FILE_STORE=s3/],
    [{ FILE_STORE: 's3', S3_BUCKET: 'Media_Bucket' }, /S3_BUCKET must be a bucket name/],
    [{ FILE_STORE: 's3', S3_BUCKET: 'ab' }, /S3_BUCKET must be a bucket name/],
    [{ FILE_STORE: 's3', S3_BUCKET: 'media-bucket', S3_REGION: 'eu west' }, /S3_REGION must be a region name/],
    [{ FILE_STORE: 's3', S3_BUCKET: 'media-bucket', S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT must be a URL starting with http:\/\/ or https:\/\//],
    [{ FILE_STORE: 's3', S3_BUCKET: 'media-bucket', S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE must be one of 0, 1/],
    [{ FILE_STORE: 's3', S3_BUCKET: 'media-bucket', S3_KEY_PREFIX: 'a/../b' }, /S3_KEY_PREFIX must be/],
    [{ FILE_STORE: 's3', S3_BUCKET: 'media-bucket', MEDIA_DIR: '/srv/media' }, /MEDIA_DIR is set but FILE_STORE=s3/],
    [{ S3_BUCKET: 'media-bucket' }, /S3_BUCKET is set but FILE_STORE is local/],
    [{ FILE_STORE: 'local', S3_ENDPOINT: 'http://minio:9000' }, /S3_ENDPOINT is set but FILE_STORE is local/],
  ])('refuses %o', (settings, message) => {
    expect(configError(() => loadConfig(env(settings))).message).toMatch(message);
  });

  it('never reads credentials into the configuration', () => {
    const config = loadConfig(env({ FILE_STORE: 's3', S3_BUCKET: 'media-bucket', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'hunter2-secret' }));
    expect(JSON.stringify(config)).not.toMatch(/AKIDEXAMPLE|hunter2-secret/);
  });
});

describe('secrets', () => {
  it('production without secrets stops, naming each missing variable, and writes nothing', () => {
    const message = configError(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir })).message;
    expect(message).toContain(ID);
    expect(message).toContain(SCREEN);
    const one = configError(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, [ID]: STRONG })).message;
    expect(one).toContain(SCREEN);
    expect(one).not.toContain(ID);
    expect(() => statSync(path.join(dataDir, SECRETS_FILE))).toThrow(/ENOENT/);
  });

  it('production refuses a secret shorter than 32 characters', () => {
    const message = configError(() =>
      loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, ...OTHERS, [ID]: STRONG, [SCREEN]: 'short' }),
    ).message;
    expect(message).toContain(SCREEN);
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, ...OTHERS, [ID]: STRONG, [SCREEN]: STRONG });
    expect(config.secrets).toEqual(Object.fromEntries(Object.keys(SECRET_VARIABLES).map((key) => [key, STRONG])));
  });

  it('development generates secrets once into DATA_DIR/secrets.json (0600) and reuses them', () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const first = loadConfig({ DATA_DIR: dataDir }, { log });
    const file = path.join(dataDir, SECRETS_FILE);

    expect(first.secrets.idToken).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes, base64url
    expect(first.secrets.clientScreenJwt).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.secrets.idToken).not.toBe(first.secrets.clientScreenJwt);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(stored).sort()).toEqual(Object.values(SECRET_VARIABLES).sort());
    expect(stored).toMatchObject({ [ID]: first.secrets.idToken, [SCREEN]: first.secrets.clientScreenJwt });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(ID);
    expect(lines[0]).toContain(file);

    const second = loadConfig({ DATA_DIR: dataDir }, { log });
    expect(second.secrets).toEqual(first.secrets);
    expect(lines).toHaveLength(1);
  });

  it('a variable that is set wins over the stored value; only the missing one is generated', () => {
    const lines: string[] = [];
    const config = loadConfig({ DATA_DIR: dataDir, [ID]: 'from-env' }, { log: (line) => lines.push(line) });
    expect(config.secrets.idToken).toBe('from-env');
    const stored = JSON.parse(readFileSync(path.join(dataDir, SECRETS_FILE), 'utf8'));
    expect(stored[SCREEN]).toBe(config.secrets.clientScreenJwt);
    expect(stored[ID]).toBeUndefined();
    expect(lines[0]).toContain(SCREEN);
    expect(lines[0]).not.toContain(ID);
  });

  it('refuses an unreadable secrets.json instead of silently replacing it', () => {
    const file = path.join(dataDir, SECRETS_FILE);
    writeFileSync(file, '{ not json');
    expect(configError(() => loadConfig({ DATA_DIR: dataDir }, { log: () => {} })).message).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe('{ not json');
  });
});
