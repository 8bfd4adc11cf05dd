import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { redisPing } from './redis-server';
import { ensureBackingServices } from './services';

const dataDir = mkdtempSync(path.join(tmpdir(), 'clientflows-services-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function config(extra: NodeJS.ProcessEnv) {
  return loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...extra }, { log: () => {} });
}

describe('ensureBackingServices', () => {
  it('uses DATABASE_URL and REDIS_URL as configured, starting nothing', async () => {
    const lines: string[] = [];
    const services = await ensureBackingServices(
      config({ DATABASE_URL: 'postgres://u:p@db.example:5432/app', REDIS_URL: 'redis://cache.example:6379' }),
      (line) => lines.push(line),
    );
    expect(services.databaseUrl).toBe('postgres://u:p@db.example:5432/app');
    expect(services.redisUrl).toBe('redis://cache.example:6379');
    expect(lines).toEqual([]);
    await services.stop();
  });

  it('starts the embedded PostgreSQL and a private redis-server otherwise, and stops both', async () => {
    const services = await ensureBackingServices(config({}), () => {});
    const redisPort = Number(new URL(services.redisUrl).port);
    const client = new pg.Client({ connectionString: services.databaseUrl });
    await client.connect();
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await client.end();
    expect(await redisPing(redisPort)).toBe(true);

    await services.stop();
    expect(await redisPing(redisPort)).toBe(false);
    const after = new pg.Client({ connectionString: services.databaseUrl });
    await expect(after.connect()).rejects.toThrow(/ECONNREFUSED/);
  });
});
