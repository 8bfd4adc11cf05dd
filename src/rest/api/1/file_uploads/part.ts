import { multipartBoundary, multipartField } from '../../../../domain/media/multipart';
import { PART_SIZE } from '../../../../domain/media/upload-parts';
import { parseAuthorization } from '../../../../services/identity.service';
import { uploadErrorMessage, uploadPart } from '../../../../services/media/uploads.service';
import { header, readBody, sendAuthFailure, sendEmpty, sendJson, sendStandardError, sendValidationError } from '../../../http';
import type { RestRequest } from '../../../router';

/** Room for the multipart envelope around one part. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * `POST /api/1/file_uploads/{uid}/{part}` (screens-and-media.md §3.4 step 2): multipart field
 * `file`, the upload JWT in the header (which wins) or `?jwt=`. 202 `{done}`; 401/403; 404/409
 * with the documented types.
 */
export async function uploadPartRoute(request: RestRequest): Promise<void> {
  const { req, res, url, params } = request;
  const authorization = header(req, 'authorization');
  let token: string;
  if (authorization !== undefined) {
    const parsed = parseAuthorization(authorization);
    if (!parsed.ok) return sendAuthFailure(res, parsed.reason);
    token = parsed.token;
  } else {
    const query = url.searchParams.get('jwt');
    if (query === null || query === '') return sendAuthFailure(res, 'not_set');
    token = query;
  }
  const partNumber = /^\d{1,9}$/.test(params.part) ? Number(params.part) : NaN;
  if (!Number.isSafeInteger(partNumber) || partNumber < 1) {
    return sendValidationError(res, [{ loc: ['path', 'part'], msg: 'a positive integer', type: 'type_error.integer' }]);
  }
  const boundary = multipartBoundary(header(req, 'content-type'));
  if (boundary === null) return sendValidationError(res, [{ loc: ['body', 'file'], msg: 'expected multipart/form-data', type: 'value_error.missing' }]);
  const body = await readBody(req, PART_SIZE + ENVELOPE_BYTES);
  if (!body.ok) return sendEmpty(res, 413);
  const field = multipartField(body.body, boundary, 'file');
  if (!field.ok) return sendValidationError(res, [{ loc: ['body', 'file'], msg: field.reason, type: 'value_error.missing' }]);

  const outcome = await uploadPart(request.app, { uid: params.uid, partNumber, token, data: field.data });
  if (outcome.ok) return sendJson(res, 202, { done: outcome.done });
  if (outcome.status === 403) return sendAuthFailure(res, 'invalid');
  sendStandardError(res, outcome.status, outcome.type, uploadErrorMessage(outcome));
}
