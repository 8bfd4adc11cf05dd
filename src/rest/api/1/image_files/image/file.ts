import { imageExportFor } from '../../../../../services/media/serving.service';
import { mediaRequest, sendStoredFile, uidOfFileName } from '../../../../media';
import type { RestRequest } from '../../../../router';

/** `GET /api/1/image_files/image/{export_uid}.{ext}` (§3.6): the export's bytes, for an image JWT about its image. */
export async function imageExportRoute(r: RestRequest): Promise<void> {
  const request = mediaRequest(r);
  if (request === null) return;
  await sendStoredFile(r, await imageExportFor(r.app, uidOfFileName(r.params.file), request));
}
