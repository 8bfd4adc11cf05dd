import pg from 'pg';
import type { ServerProcess } from '../support/processes';
import { TEST_ID_TOKEN_SECRET } from '../support/server';
import { craftIdToken } from '../support/tokens';

/** Direct SQL on a test database, shaped like TestServer.sql for the fixture helpers. */
export function databaseClient(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    sql: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    end: () => pool.end(),
  };
}

let counter = 0;

/** A new sub and an id token for it (the first authenticated request creates the user). */
export async function newLiveUser(name: string): Promise<{ sub: string; authorization: string }> {
  const sub = `oseh_u_${name}_${process.pid}_${++counter}_${Date.now()}`;
  return { sub, authorization: `bearer ${await craftIdToken(TEST_ID_TOKEN_SECRET, { sub })}` };
}

/** Creates the user on that server by authenticating once. */
export async function ensureUser(server: ServerProcess, authorization: string): Promise<void> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: '{ viewer { sub } }' }),
  });
  if (response.status !== 200) throw new Error(`viewer answered ${response.status}`);
}

/** The admin GraphQL trusted trigger on a server process; resolves with the time it answered. */
export async function triggerOn(server: ServerProcess, userSub: string, slug: string): Promise<number> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `bearer ${server.adminToken}` },
    body: JSON.stringify({
      query: 'mutation($userSub: String!, $slug: String!) { triggerClientFlow(userSub: $userSub, slug: $slug) { queuedFlowSlug } }',
      variables: { userSub, slug },
    }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return Date.now();
}

export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
