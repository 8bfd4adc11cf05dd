import { findLogUsersByIds, findScreenLogsByUids, type LogUserRow } from '../../db/repositories/admin-logs.repository';
import {
  CLIENT_FLOWS_SQL, CLIENT_SCREENS_SQL, USER_CLIENT_SCREEN_ACTIONS_LOG_SQL, USER_CLIENT_SCREENS_LOG_SQL,
  type ClientFlowRow, type ClientScreenRow, type ScreenActionLogRow, type ScreenLogRow,
} from '../../db/search/resources';
import { searchPage, type SqlSearchResource } from '../../db/search/search-sql';
import type { JsonObject, JsonValue } from '../../domain/json';
import type { ClientPlatform } from '../../domain/model';
import type { KeyValue, SearchQuery, SortItem } from '../../domain/search/types';
import type { AppContext } from '../app-context';
import { withReadConnection } from '../transaction';
import { clientFlowFromRow, type ClientFlowRecord } from './client-flow-object';

/**
 * The admin searches (admin-api.md §3, §8, §13): one service under REST and GraphQL. Callers
 * pass a parsed, normalized query; the answer carries what both transports need (items, each
 * row's sort-key values for cursors, and whether earlier/later pages exist).
 */

export interface SearchResult<Item> {
  items: Item[];
  /** Sort-key values of each item, in the order of `sort`. */
  keys: (KeyValue | null)[][];
  sort: SortItem[];
  hasEarlier: boolean;
  hasLater: boolean;
}

export async function run<Row extends object, Item>(
  app: AppContext,
  resource: SqlSearchResource,
  query: SearchQuery,
  toItem: (row: Row) => Item,
): Promise<SearchResult<Item>> {
  const page = await withReadConnection(app.db, (sql) => searchPage<Row>(sql, resource, query));
  return { items: page.rows.map(toItem), keys: page.keys, sort: query.sort.items, hasEarlier: page.hasEarlier, hasLater: page.hasLater };
}

export function searchClientFlows(app: AppContext, query: SearchQuery): Promise<SearchResult<ClientFlowRecord>> {
  return run<ClientFlowRow, ClientFlowRecord>(app, CLIENT_FLOWS_SQL, query, clientFlowFromRow);
}

export interface ClientScreenRecord {
  uid: string;
  slug: string;
  name: string;
  description: string;
  screenSchema: JsonObject;
  flags: number;
}

export function searchClientScreens(app: AppContext, query: SearchQuery): Promise<SearchResult<ClientScreenRecord>> {
  return run<ClientScreenRow, ClientScreenRecord>(app, CLIENT_SCREENS_SQL, query, (row) => ({
    uid: row.uid,
    slug: row.slug,
    name: row.name,
    description: row.description,
    screenSchema: row.schema,
    flags: row.flags,
  }));
}

/** A `user_client_screens_log` row; the user is resolved separately (`loadLogUsers`). */
export interface ScreenLogEntry {
  uid: string;
  userId: string;
  platform: ClientPlatform;
  visitor: string | null;
  screen: { slug: string; parameters: JsonValue };
  createdAt: number;
}

export interface LogUser {
  sub: string;
  givenName: string | null;
  familyName: string | null;
  createdAt: number;
}

function screenLogEntry(row: ScreenLogRow): ScreenLogEntry {
  return {
    uid: row.uid,
    userId: String(row.user_id),
    platform: row.platform as ClientPlatform,
    visitor: row.visitor,
    screen: { slug: row.screen.slug, parameters: row.screen.parameters ?? null },
    createdAt: Number(row.created_at),
  };
}

export function searchScreensLog(app: AppContext, query: SearchQuery): Promise<SearchResult<ScreenLogEntry>> {
  return run<ScreenLogRow, ScreenLogEntry>(app, USER_CLIENT_SCREENS_LOG_SQL, query, screenLogEntry);
}

export interface ScreenActionLogEntry {
  uid: string;
  userClientScreenLogUid: string;
  /** Untrusted client JSON (stored verbatim; parsed here). */
  event: JsonValue;
  createdAt: number;
}

function parseEvent(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text; // stored by an older writer without validation: show it as text rather than fail the page
  }
}

export function searchScreenActionsLog(app: AppContext, query: SearchQuery): Promise<SearchResult<ScreenActionLogEntry>> {
  return run<ScreenActionLogRow, ScreenActionLogEntry>(app, USER_CLIENT_SCREEN_ACTIONS_LOG_SQL, query, (row) => ({
    uid: row.uid,
    userClientScreenLogUid: row.user_client_screen_log_uid,
    event: parseEvent(row.event),
    createdAt: Number(row.created_at),
  }));
}

const logUser = (row: LogUserRow): LogUser => ({
  sub: row.sub,
  givenName: row.given_name,
  familyName: row.family_name,
  createdAt: Number(row.created_at),
});

/** Users of log rows by `users.id`, one statement for any number of ids (missing ids are absent). */
export async function loadLogUsers(app: AppContext, userIds: readonly string[]): Promise<Map<string, LogUser>> {
  const unique = [...new Set(userIds)];
  const rows = await withReadConnection(app.db, (sql) => findLogUsersByIds(sql, unique));
  return new Map(rows.map((row) => [row.id, logUser(row)]));
}

/** Screen log entries by uid, one statement for any number of uids. */
export async function loadScreenLogs(app: AppContext, uids: readonly string[]): Promise<Map<string, ScreenLogEntry>> {
  const rows = await withReadConnection(app.db, (sql) => findScreenLogsByUids(sql, [...new Set(uids)]));
  return new Map(rows.map((row) => [row.uid, screenLogEntry(row)]));
}
