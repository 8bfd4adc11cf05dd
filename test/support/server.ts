import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { startHttpServer } from '../../src/http/server';
import { createLogger, type Logger } from '../../src/lib/log';
import { bootRuntime } from '../../src/runtime';
import type { AppContext } from '../../src/services/app-context';
import { issueIdToken, issueUserToken, createUser } from '../../src/services/users.service';
import { databaseUrl } from './global-setup';

export const TEST_ID_TOKEN_SECRET = 'test-id-token-secret-0123456789abcdef';
export const TEST_SCREEN_JWT_SECRET = 'test-client-screen-secret-0123456789abcdef';
/** The media JWT secrets of every test server and process, shared so instances accept each other's tokens. */
export const TEST_MEDIA_SECRETS: Record<string, string> = {
  OSEH_IMAGE_FILE_JWT_SECRET: 'test-image-file-secret-0123456789abcdef',
  OSEH_CONTENT_FILE_JWT_SECRET: 'test-content-file-secret-0123456789abcdef',
  OSEH_TRANSCRIPT_JWT_SECRET: 'test-transcript-secret-0123456789abcdef',
  OSEH_FILE_UPLOAD_JWT_SECRET: 'test-file-upload-secret-0123456789abcdef',
  OSEH_PROGRESS_JWT_SECRET: 'test-progress-secret-0123456789abcdef',
};

/** A fresh database copied from the migrated template. */
export async function createTestDatabase(): Promise<string> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(inject('postgresAdminUrl'), name);
}

/** A statement that writes flow or screen definitions (the cache must hear of it). */
const DEFINITION_WRITE = /\b(?:insert\s+into|update|delete\s+from)\s+client_(flows|screens)\b/i;

export interface TestServer {
  app: AppContext;
  /** `http://127.0.0.1:<port>` */
  url: string;
  databaseUrl: string;
  /**
   * Runs SQL directly against this server's database (assertions and fixtures). Writes to
   * `client_flows` / `client_screens` then call `definitions.changed()` as the admin API does.
   */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  idToken(sub: string, options?: { ttlSeconds?: number; givenName?: string; familyName?: string }): Promise<string>;
  /** Creates the user if needed and returns a new `oseh_ut_` token for it. */
  userToken(sub: string, options?: { admin?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/** A real server (HTTP + GraphQL + WebSocket) on a loopback port, over real PostgreSQL and Redis. */
export async function startTestServer(
  options: {
    redisUrl?: string;
    plugins?: string[];
    databaseUrl?: string;
    /** Extra environment over the test defaults (limits, NODE_ENV=production, ...). */
    env?: Record<string, string>;
    /** The server's logger (default: silent). */
    log?: Logger;
  } = {},
): Promise<TestServer> {
  const dbUrl = options.databaseUrl ?? (await createTestDatabase());
  const dataDir = await mkdtemp(join(tmpdir(), 'clientflows-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl,
    REDIS_URL: options.redisUrl ?? inject('redisUrl'),
    OSEH_ID_TOKEN_SECRET: TEST_ID_TOKEN_SECRET,
    OSEH_CLIENT_SCREEN_JWT_SECRET: TEST_SCREEN_JWT_SECRET,
    ...TEST_MEDIA_SECRETS,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    CLIENTFLOWS_PLUGINS: (options.plugins ?? []).join(','),
    ...options.env,
  });
  const runtime = await bootRuntime(config, options.log ?? createLogger('silent'));
  const server = await startHttpServer(runtime.app, { port: 0, host: '127.0.0.1' });
  const pool = new pg.Pool({ connectionString: dbUrl, max: 4 });
  return {
    app: runtime.app,
    url: server.url,
    databaseUrl: dbUrl,
    sql: async <T>(text: string, params: unknown[] = []) => {
      const rows = (await pool.query(text, params)).rows as T[];
      // Definitions written here stand in for the admin API, which reports its writes like this.
      const written = DEFINITION_WRITE.exec(text)?.[1]?.toLowerCase();
      if (written === 'flows') await runtime.app.definitions.changed({ flowSetChanged: true });
      if (written === 'screens') await runtime.app.definitions.changed({ screens: ['*'] });
      return rows;
    },
    idToken: (sub, options = {}) => issueIdToken(config, sub, options),
    userToken: async (sub, options = {}) => {
      await createUser(runtime.app, { sub, admin: options.admin ?? false });
      return issueUserToken(runtime.app, sub);
    },
    close: async () => {
      await server.close();
      await runtime.stop();
      await pool.end();
    },
  };
}
