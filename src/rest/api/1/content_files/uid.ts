import { contentHlsMasterFor, contentWebFor } from '../../../../services/media/serving.service';
import { mediaRequest, sendMediaJson, sendMediaText } from '../../../media';
import type { RestRequest } from '../../../router';

/** `GET /api/1/content_files/{uid}/web.json` (§3.6): the mp4 exports, for a content JWT about `uid`. */
export async function contentWebRoute(r: RestRequest): Promise<void> {
  const request = mediaRequest(r);
  if (request === null) return;
  sendMediaJson(r, await contentWebFor(r.app, r.params.uid, request));
}

/** `GET /api/1/content_files/{uid}/ios.m3u8` and `/android.m3u8`: the HLS master playlist (404 without HLS exports). */
export async function contentHlsRoute(r: RestRequest): Promise<void> {
  const request = mediaRequest(r);
  if (request === null) return;
  sendMediaText(r, await contentHlsMasterFor(r.app, r.params.uid, request));
}
