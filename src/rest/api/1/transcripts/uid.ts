import { transcriptFor } from '../../../../services/media/serving.service';
import { mediaRequest, sendMediaJson } from '../../../media';
import type { RestRequest } from '../../../router';

/** `GET /api/1/transcripts/{uid}` (§3.6): phrases by start time, for a transcript JWT about `uid`. */
export async function transcriptRoute(r: RestRequest): Promise<void> {
  const request = mediaRequest(r);
  if (request === null) return;
  sendMediaJson(r, await transcriptFor(r.app, r.params.uid, request));
}
