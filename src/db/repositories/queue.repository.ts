import { screenFlags } from '../../domain/flags';
import type { JsonObject } from '../../domain/json';
import type { FlowScreen, QueuedScreen } from '../../domain/model';
import { jsonParam, textArrayParam, type Sql } from '../sql';

interface QueueRow {
  uid: string;
  outer_counter: number;
  inner_counter: number;
  client_flow_id: string | null;
  flow_client_parameters: JsonObject;
  flow_server_parameters: JsonObject;
  screen: FlowScreen;
  added_at: number;
  cs_id: string | null;
  cs_uid: string | null;
  cs_slug: string | null;
  cs_schema: JsonObject | null;
  cs_flags: number | null;
}

/**
 * The whole queue of a user, front first, each row with its screen definition read live (the
 * screen row is never snapshotted). Call with the per-user lock held.
 */
export async function loadQueue(sql: Sql, userId: string): Promise<QueuedScreen[]> {
  const rows = await sql<QueueRow>(
    `SELECT q.uid, q.outer_counter, q.inner_counter, q.client_flow_id, q.flow_client_parameters,
            q.flow_server_parameters, q.screen, q.added_at,
            cs.id AS cs_id, cs.uid AS cs_uid, cs.slug AS cs_slug, cs.schema AS cs_schema, cs.flags AS cs_flags
     FROM user_client_screens q LEFT JOIN client_screens cs ON cs.id = q.client_screen_id
     WHERE q.user_id = ?
     ORDER BY q.outer_counter DESC, q.inner_counter ASC`,
    [userId],
  );
  return rows.map((row) => ({
    uid: row.uid,
    outerCounter: row.outer_counter,
    innerCounter: row.inner_counter,
    clientFlowId: row.client_flow_id === null ? null : Number(row.client_flow_id),
    clientScreen:
      row.cs_id === null
        ? null
        : { id: Number(row.cs_id), uid: row.cs_uid!, slug: row.cs_slug!, schema: row.cs_schema!, flags: screenFlags(row.cs_flags!) },
    flowClientParameters: row.flow_client_parameters,
    flowServerParameters: row.flow_server_parameters,
    screen: row.screen,
    addedAt: Number(row.added_at),
  }));
}

export async function deleteQueuedScreens(sql: Sql, userId: string, uids: readonly string[]): Promise<void> {
  if (uids.length === 0) return;
  await sql(`DELETE FROM user_client_screens WHERE user_id = ? AND uid = ANY(?::text[])`, [userId, textArrayParam(uids)]);
}

/** Inserts new queue rows in one statement. Rows whose screen has no definition cannot be queued. */
export async function insertQueuedScreens(sql: Sql, userId: string, rows: readonly QueuedScreen[]): Promise<void> {
  if (rows.length === 0) return;
  const values: string[] = [];
  const params: unknown[] = [];
  for (const row of rows) {
    if (row.clientScreen === null) throw new Error(`queue row ${row.uid} has no client screen`);
    values.push('(?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)');
    params.push(
      row.uid, userId, row.outerCounter, row.innerCounter, row.clientFlowId, row.clientScreen.id,
      jsonParam(row.flowClientParameters), jsonParam(row.flowServerParameters), jsonParam(row.screen), row.addedAt,
    );
  }
  await sql(
    `INSERT INTO user_client_screens (uid, user_id, outer_counter, inner_counter, client_flow_id, client_screen_id,
       flow_client_parameters, flow_server_parameters, screen, added_at)
     VALUES ${values.join(', ')}`,
    params,
  );
}
