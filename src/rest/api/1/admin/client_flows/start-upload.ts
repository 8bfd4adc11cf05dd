import type { ProcessorKind } from '../../../../../domain/media/processors';
import { startMediaUpload } from '../../../../../services/media/uploads.service';
import { readAdminJsonObject } from '../../../../admin';
import { sendJson, sendStandardError, sendValidationError } from '../../../../http';
import type { RestHandler } from '../../../../router';

/** `POST …/image/` and `…/content/` (screens-and-media.md §3.3.1-§3.3.2): 201 with the upload, 413 or 422. */
export function startUploadRoute(kind: ProcessorKind): RestHandler {
  return async (request) => {
    const read = await readAdminJsonObject(request);
    if (read === null) return;
    const outcome = await startMediaUpload(request.app, { kind, body: read.body, adminSub: read.admin.sub });
    if (!outcome.ok) {
      if (outcome.status === 413) return sendStandardError(request.res, 413, 'file_too_large', outcome.issues[0].msg);
      return sendValidationError(request.res, outcome.issues);
    }
    sendJson(request.res, 201, outcome.value);
  };
}
