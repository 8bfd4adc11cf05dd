import {
  CLIENT_FLOW_CONTENT_FILES_SEARCH, CLIENT_FLOW_IMAGES_SEARCH, CLIENT_FLOWS_SEARCH, CLIENT_SCREENS_SEARCH, USER_CLIENT_SCREEN_ACTIONS_LOG_SEARCH, USER_CLIENT_SCREENS_LOG_SEARCH,
} from '../../domain/search/resources';
import type { JsonObject, JsonValue } from '../../domain/json';
import { CLIENT_FLOW_COLUMNS, type ClientFlowRow } from '../repositories/client-flow-rows';
import type { SqlSearchResource } from './search-sql';

/** Where each searchable resource (admin-api.md §3.7) lives in the database. */

const text = (expr: string) => ({ expr, text: true });
const plain = (expr: string) => ({ expr, text: false });

export const CLIENT_FLOWS_SQL: SqlSearchResource = {
  search: CLIENT_FLOWS_SEARCH,
  from: 'FROM client_flows',
  select: CLIENT_FLOW_COLUMNS,
  columns: { uid: text('uid'), slug: text('slug'), name: text('name'), flags: plain('flags'), created_at: plain('created_at') },
};
export type { ClientFlowRow };

export interface ClientScreenRow {
  uid: string;
  slug: string;
  name: string;
  description: string;
  schema: JsonObject;
  flags: number;
}

export const CLIENT_SCREENS_SQL: SqlSearchResource = {
  search: CLIENT_SCREENS_SEARCH,
  from: 'FROM client_screens',
  select: 'uid, slug, name, description, schema, flags',
  columns: { uid: text('uid'), slug: text('slug'), name: text('name'), flags: plain('flags') },
};

export interface ScreenLogRow {
  uid: string;
  /** `users.id`: the user is loaded separately (batched) by the callers. */
  user_id: string;
  platform: string;
  visitor: string | null;
  screen: { slug: string; parameters: JsonValue };
  created_at: number;
}

// The user join is inner (as the reference); it also serves the user_sub filter and sort key.
export const USER_CLIENT_SCREENS_LOG_SQL: SqlSearchResource = {
  search: USER_CLIENT_SCREENS_LOG_SEARCH,
  from: 'FROM user_client_screens_log l JOIN users u ON u.id = l.user_id LEFT JOIN visitors v ON v.id = l.visitor_id',
  select: 'l.uid, l.user_id, l.platform, v.uid AS visitor, l.screen, l.created_at',
  columns: {
    uid: text('l.uid'),
    user_sub: text('u.sub'),
    visitor: text('v.uid'),
    screen_slug: text("(l.screen->>'slug')"),
    created_at: plain('l.created_at'),
  },
};

export interface ScreenActionLogRow {
  uid: string;
  user_client_screen_log_uid: string;
  /** The trace body exactly as received (valid JSON text). */
  event: string;
  created_at: number;
}

export const USER_CLIENT_SCREEN_ACTIONS_LOG_SQL: SqlSearchResource = {
  search: USER_CLIENT_SCREEN_ACTIONS_LOG_SEARCH,
  from: 'FROM user_client_screen_actions_log a JOIN user_client_screens_log l ON l.id = a.user_client_screen_log_id',
  select: 'a.uid, l.uid AS user_client_screen_log_uid, a.event, a.created_at',
  columns: {
    uid: text('a.uid'),
    user_client_screen_log_uid: text('l.uid'),
    created_at: plain('a.created_at'),
  },
};

export interface ClientFlowImageRow {
  uid: string;
  list_slug: string;
  image_file_uid: string;
  original_file_sha512: string;
  image_file_created_at: number;
  last_uploaded_at: number;
}

export const CLIENT_FLOW_IMAGES_SQL: SqlSearchResource = {
  search: CLIENT_FLOW_IMAGES_SEARCH,
  from: 'FROM client_flow_images cfi JOIN image_files i ON i.id = cfi.image_file_id',
  select: 'cfi.uid, cfi.list_slug, i.uid AS image_file_uid, cfi.original_sha512 AS original_file_sha512, i.created_at AS image_file_created_at, cfi.last_uploaded_at',
  columns: {
    uid: text('cfi.uid'),
    list_slug: text('cfi.list_slug'),
    image_file_uid: text('i.uid'),
    original_file_sha512: text('cfi.original_sha512'),
    image_original_file_sha512: text('i.original_sha512'),
    image_file_created_at: plain('i.created_at'),
    last_uploaded_at: plain('cfi.last_uploaded_at'),
  },
};

export interface ClientFlowContentFileRow {
  uid: string;
  list_slug: string;
  content_file_uid: string;
  transcript_uid: string | null;
  original_file_sha512: string;
  content_file_created_at: number;
  last_uploaded_at: number;
}

// The latest transcript: `content_file_transcripts.created_at DESC, uid ASC` (§2.4.2).
const LATEST_TRANSCRIPT = `(SELECT t.uid FROM content_file_transcripts cft JOIN transcripts t ON t.id = cft.transcript_id
  WHERE cft.content_file_id = c.id ORDER BY cft.created_at DESC, cft.uid ASC LIMIT 1)`;

export const CLIENT_FLOW_CONTENT_FILES_SQL: SqlSearchResource = {
  search: CLIENT_FLOW_CONTENT_FILES_SEARCH,
  from: 'FROM client_flow_content_files cfcf JOIN content_files c ON c.id = cfcf.content_file_id',
  select: `cfcf.uid, cfcf.list_slug, c.uid AS content_file_uid, ${LATEST_TRANSCRIPT} AS transcript_uid, cfcf.original_sha512 AS original_file_sha512, c.created_at AS content_file_created_at, cfcf.last_uploaded_at`,
  columns: {
    uid: text('cfcf.uid'),
    list_slug: text('cfcf.list_slug'),
    content_file_uid: text('c.uid'),
    transcript_uid: text(LATEST_TRANSCRIPT),
    original_file_sha512: text('cfcf.original_sha512'),
    content_original_file_sha512: text('c.original_sha512'),
    content_file_created_at: plain('c.created_at'),
    last_uploaded_at: plain('cfcf.last_uploaded_at'),
  },
};
