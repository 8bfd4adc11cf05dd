import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { migrate, openOrm } from '../../src/db/orm';
import { startEmbeddedPostgres } from '../../src/infra/embedded-postgres';
import { spawnRedisServer } from '../../src/infra/redis-server';
import { locateTestFfmpeg, type TestFfmpeg } from './ffmpeg';

/** Name of the database every test database is copied from (migrated once per run). */
export const TEMPLATE_DATABASE = 'clientflows_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    redisUrl: string;
    templateDatabase: string;
    /** ffmpeg and ffprobe for the content-ladder tests, or why there are none. */
    ffmpeg: TestFfmpeg;
  }
}

/**
 * One real PostgreSQL (embedded) and one real Redis for the whole run; each test file copies a
 * migrated template database, so files are isolated and migrations run once. ffmpeg (for the
 * content-ladder tests) is located, or installed from Debian when missing and root.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'clientflows-test-'));
  const log = () => {};
  const postgres = await startEmbeddedPostgres({ dataDir, log });
  const redis = await spawnRedisServer({ log }).catch(async (error: unknown) => {
    await postgres.stop();
    throw error;
  });
  const ffmpeg = await locateTestFfmpeg((line) => console.log(line));
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const orm = await openOrm(databaseUrl(postgres.url, TEMPLATE_DATABASE));
  await migrate(orm);
  await orm.close(true);

  project.provide('postgresAdminUrl', postgres.url);
  project.provide('redisUrl', redis.url);
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  project.provide('ffmpeg', ffmpeg);
  return async () => {
    await redis.stop();
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
