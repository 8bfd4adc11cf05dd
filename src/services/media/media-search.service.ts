import {
  CLIENT_FLOW_CONTENT_FILES_SQL, CLIENT_FLOW_IMAGES_SQL, type ClientFlowContentFileRow, type ClientFlowImageRow,
} from '../../db/search/resources';
import type { SearchQuery } from '../../domain/search/types';
import { signMediaJwt } from '../../media/tokens';
import { run, type SearchResult } from '../admin/search.service';
import type { AppContext } from '../app-context';

/**
 * The two media list searches (screens-and-media.md §3.3.3-§3.3.4) under REST and GraphQL. Each
 * item carries a fresh 30-minute JWT for its file (and latest transcript), so the admin can
 * preview it.
 */

export interface ClientFlowImageItem {
  uid: string;
  listSlug: string;
  imageFile: { uid: string; jwt: string };
  originalFileSha512: string;
  imageFileCreatedAt: number;
  lastUploadedAt: number;
}

export interface ClientFlowContentFileItem {
  uid: string;
  listSlug: string;
  contentFile: { uid: string; jwt: string };
  transcript: { uid: string; jwt: string } | null;
  originalFileSha512: string;
  contentFileCreatedAt: number;
  lastUploadedAt: number;
}

async function withJwts<Row, Item>(app: AppContext, result: SearchResult<Row>, toItem: (row: Row, now: number) => Promise<Item>): Promise<SearchResult<Item>> {
  const now = app.now();
  return { ...result, items: await Promise.all(result.items.map((row) => toItem(row, now))) };
}

export async function searchClientFlowImages(app: AppContext, query: SearchQuery): Promise<SearchResult<ClientFlowImageItem>> {
  const rows = await run<ClientFlowImageRow, ClientFlowImageRow>(app, CLIENT_FLOW_IMAGES_SQL, query, (row) => row);
  return withJwts(app, rows, async (row, now) => ({
    uid: row.uid,
    listSlug: row.list_slug,
    imageFile: { uid: row.image_file_uid, jwt: await signMediaJwt(app.config.secrets, 'image', row.image_file_uid, now) },
    originalFileSha512: row.original_file_sha512,
    imageFileCreatedAt: row.image_file_created_at,
    lastUploadedAt: row.last_uploaded_at,
  }));
}

export async function searchClientFlowContentFiles(app: AppContext, query: SearchQuery): Promise<SearchResult<ClientFlowContentFileItem>> {
  const rows = await run<ClientFlowContentFileRow, ClientFlowContentFileRow>(app, CLIENT_FLOW_CONTENT_FILES_SQL, query, (row) => row);
  return withJwts(app, rows, async (row, now) => ({
    uid: row.uid,
    listSlug: row.list_slug,
    contentFile: { uid: row.content_file_uid, jwt: await signMediaJwt(app.config.secrets, 'content', row.content_file_uid, now) },
    transcript: row.transcript_uid === null ? null : { uid: row.transcript_uid, jwt: await signMediaJwt(app.config.secrets, 'transcript', row.transcript_uid, now) },
    originalFileSha512: row.original_file_sha512,
    contentFileCreatedAt: row.content_file_created_at,
    lastUploadedAt: row.last_uploaded_at,
  }));
}
