import { imagePlaylistFor } from '../../../../../services/media/serving.service';
import { mediaRequest, sendMediaJson } from '../../../../media';
import type { RestRequest } from '../../../../router';

/** `GET /api/1/image_files/playlist/{uid}[?presign=]` (screens-and-media.md §3.6): image JWT about `uid`. */
export async function imagePlaylistRoute(r: RestRequest): Promise<void> {
  const request = mediaRequest(r);
  if (request === null) return;
  sendMediaJson(r, await imagePlaylistFor(r.app, r.params.uid, request));
}
