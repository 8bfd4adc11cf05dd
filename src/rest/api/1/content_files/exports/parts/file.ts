import { contentPartFor } from '../../../../../../services/media/serving.service';
import { mediaRequest, sendStoredFile, uidOfFileName } from '../../../../../media';
import type { RestRequest } from '../../../../../router';

/** `GET /api/1/content_files/exports/parts/{part_uid}.{ext}` (§3.6): part bytes, with `Range` (206). */
export async function contentPartRoute(r: RestRequest): Promise<void> {
  const request = mediaRequest(r);
  if (request === null) return;
  await sendStoredFile(r, await contentPartFor(r.app, uidOfFileName(r.params.file), request));
}
