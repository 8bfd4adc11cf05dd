import { contentExportPlaylistFor } from '../../../../../services/media/serving.service';
import { mediaRequest, sendMediaText, uidOfFileName } from '../../../../media';
import type { RestRequest } from '../../../../router';

/** `GET /api/1/content_files/exports/{export_uid}.m3u8` (§3.6): one HLS export's media playlist. */
export async function contentExportPlaylistRoute(r: RestRequest): Promise<void> {
  const request = mediaRequest(r);
  if (request === null) return;
  sendMediaText(r, await contentExportPlaylistFor(r.app, uidOfFileName(r.params.file), request));
}
