/**
 * Serving media to JWT holders (screens-and-media.md §3.6). Every answer first verifies the
 * token for its audience, then finds the resource, then requires `sub` to be that resource:
 * without a valid token nothing reveals whether a uid exists. Bytes are not read here: the
 * caller streams `file` from the FileStore.
 */
import {
  contentExport, contentExports, contentPartFile, imageExportFile, imagePlaylistRows, transcriptPhrases, type StoredFileRef,
} from '../../db/repositories/media-serving.repository';
import type { JsonObject } from '../../domain/json';
import {
  contentWebPlaylist, hlsMasterPlaylist, hlsMediaPlaylist, imagePlaylist, transcriptBody, type HlsRenditionFilter, type MediaTokenKind,
} from '../../domain/media';
import type { Sql } from '../../db/sql';
import { readMediaJwt, type PresentedToken } from '../../media/tokens';
import type { AppContext } from '../app-context';
import { withReadConnection } from '../transaction';

export interface MediaRequest {
  token: PresentedToken;
  /** Absolute URL prefix of links in the answer, e.g. `https://api.example.com`. */
  baseUrl: string;
  /** `presign` query value; null: presign iff the token came in the query. */
  presign: boolean | null;
}

export type MediaDenied =
  | { kind: 'unauthenticated'; reason: 'not_set' | 'bad_format' }
  /** Invalid, expired, another audience, or about another resource. */
  | { kind: 'forbidden' }
  | { kind: 'not_found' };

/** `exp` of the token: answers must not be cached past it. */
export type MediaAnswer<T> = { kind: 'ok'; value: T; tokenExp: number } | MediaDenied;

export type MediaText = { contentType: string; body: string };

const HLS_CONTENT_TYPE = 'application/vnd.apple.mpegurl';

/** Signature, audience, issuer, claims and expiry; the subject is compared by the caller. */
async function validToken(app: AppContext, kind: MediaTokenKind, req: MediaRequest): Promise<{ sub: string; exp: number; jwt: string } | MediaDenied> {
  if (!req.token.ok) return { kind: 'unauthenticated', reason: req.token.reason };
  const read = await readMediaJwt(app.config.secrets, kind, req.token.token, app.now());
  return read === null ? { kind: 'forbidden' } : { ...read, jwt: req.token.token };
}

const isDenied = (v: object): v is MediaDenied => 'kind' in v;

/** The token, when links in the answer must carry it. */
function presignJwt(req: MediaRequest, jwt: string): string | null {
  const presign = req.presign ?? (req.token.ok && req.token.fromQuery);
  return presign ? jwt : null;
}

/**
 * Common shape: a token for `kind`; for URLs naming the token's resource (`subject` given) a
 * wrong subject is refused before any read; then `load` (null → 404), whose resource must be
 * the token's subject (403).
 */
async function serve<L, T>(
  app: AppContext,
  kind: MediaTokenKind,
  req: MediaRequest,
  subject: string | null,
  load: (sql: Sql) => Promise<L | null>,
  subjectOf: (loaded: L) => string,
  answer: (loaded: L, presign: string | null) => T | null,
): Promise<MediaAnswer<T>> {
  const token = await validToken(app, kind, req);
  if (isDenied(token)) return token;
  if (subject !== null && subject !== token.sub) return { kind: 'forbidden' };
  const loaded = await withReadConnection(app.db, load);
  if (loaded === null) return { kind: 'not_found' };
  if (subjectOf(loaded) !== token.sub) return { kind: 'forbidden' };
  const value = answer(loaded, presignJwt(req, token.jwt));
  return value === null ? { kind: 'not_found' } : { kind: 'ok', value, tokenExp: token.exp };
}

/** `GET /api/1/image_files/playlist/{uid}`: 404 when the image has no exports. */
export async function imagePlaylistFor(app: AppContext, imageUid: string, req: MediaRequest): Promise<MediaAnswer<JsonObject>> {
  return serve(
    app,
    'image',
    req,
    imageUid,
    async (sql) => {
      const rows = await imagePlaylistRows(sql, imageUid);
      return rows.length === 0 ? null : rows;
    },
    () => imageUid,
    (rows, presign) => imagePlaylist(rows, req.baseUrl, presign),
  );
}

/** `GET /api/1/image_files/image/{export_uid}.{ext}`: the export's stored file (the extension is ignored). */
export async function imageExportFor(app: AppContext, exportUid: string, req: MediaRequest): Promise<MediaAnswer<StoredFileRef>> {
  return serve(app, 'image', req, null, (sql) => imageExportFile(sql, exportUid), (f) => f.imageUid, (f) => f);
}

/** `GET /api/1/content_files/{uid}/web.json`: 404 when the content has no mp4 export. */
export async function contentWebFor(app: AppContext, contentUid: string, req: MediaRequest): Promise<MediaAnswer<JsonObject>> {
  return serve(
    app,
    'content',
    req,
    contentUid,
    (sql) => contentExports(sql, contentUid),
    () => contentUid,
    (c, presign) => contentWebPlaylist(c.exports, c.durationSeconds, req.baseUrl, presign),
  );
}

/** `GET /api/1/content_files/{uid}/ios.m3u8` (and android), optionally filtered: 404 when there is no HLS export. */
export async function contentHlsMasterFor(app: AppContext, contentUid: string, req: MediaRequest, filter: HlsRenditionFilter = {}): Promise<MediaAnswer<MediaText>> {
  return serve(
    app,
    'content',
    req,
    contentUid,
    (sql) => contentExports(sql, contentUid),
    () => contentUid,
    (c, presign) => {
      const body = hlsMasterPlaylist(c.exports, req.baseUrl, presign, filter);
      return body === null ? null : { contentType: HLS_CONTENT_TYPE, body };
    },
  );
}

/** `GET /api/1/content_files/exports/{export_uid}.m3u8`: only for HLS exports. */
export async function contentExportPlaylistFor(app: AppContext, exportUid: string, req: MediaRequest): Promise<MediaAnswer<MediaText>> {
  return serve(
    app,
    'content',
    req,
    null,
    (sql) => contentExport(sql, exportUid),
    (e) => e.contentUid,
    (e, presign) => (e.export.format === 'm3u8' ? { contentType: HLS_CONTENT_TYPE, body: hlsMediaPlaylist(e.export, req.baseUrl, presign) } : null),
  );
}

/** `GET /api/1/content_files/exports/parts/{part_uid}.{ext}`: the part's stored file. */
export async function contentPartFor(app: AppContext, partUid: string, req: MediaRequest): Promise<MediaAnswer<StoredFileRef>> {
  return serve(app, 'content', req, null, (sql) => contentPartFile(sql, partUid), (p) => p.contentUid, (p) => p);
}

/** `GET /api/1/transcripts/{uid}`. */
export async function transcriptFor(app: AppContext, transcriptUid: string, req: MediaRequest): Promise<MediaAnswer<JsonObject>> {
  return serve(
    app,
    'transcript',
    req,
    transcriptUid,
    (sql) => transcriptPhrases(sql, transcriptUid),
    () => transcriptUid,
    (phrases) => transcriptBody(transcriptUid, phrases),
  );
}
