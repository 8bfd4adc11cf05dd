import { contentHlsMasterFor, contentWebFor } from '../../../../services/media/serving.service';
import type { HlsRenditionFilter } from '../../../../domain/media';
import { sendValidationError } from '../../../http';
import { mediaRequest, sendMediaJson, sendMediaText } from '../../../media';
import type { RestRequest } from '../../../router';

/** `GET /api/1/content_files/{uid}/web.json` (§3.6): the mp4 exports, for a content JWT about `uid`. */
export async function contentWebRoute(r: RestRequest): Promise<void> {
  const request = mediaRequest(r);
  if (request === null) return;
  sendMediaJson(r, await contentWebFor(r.app, r.params.uid, request));
}

const POSITIVE_INTEGER = /^[1-9]\d{0,9}$/;

/**
 * The master playlist's optional query filters: `width` and `height` together (the display: its
 * shape picks the video crops) and `max_bandwidth` (bits/s). Null after answering 422.
 */
function renditionFilter(r: RestRequest): HlsRenditionFilter | null {
  const issues: { loc: string[]; msg: string; type: string }[] = [];
  const read = (name: string) => {
    const raw = r.url.searchParams.get(name);
    if (raw === null) return undefined;
    if (POSITIVE_INTEGER.test(raw)) return Number(raw);
    issues.push({ loc: ['query', name], msg: 'must be a positive integer', type: 'type_error.integer' });
    return undefined;
  };
  const width = read('width');
  const height = read('height');
  const maxBandwidth = read('max_bandwidth');
  if ((width === undefined) !== (height === undefined) && issues.length === 0) {
    issues.push({ loc: ['query', width === undefined ? 'width' : 'height'], msg: 'width and height go together', type: 'value_error.missing' });
  }
  if (issues.length > 0) {
    sendValidationError(r.res, issues);
    return null;
  }
  return { size: width !== undefined && height !== undefined ? { width, height } : undefined, maxBandwidth };
}

/**
 * `GET /api/1/content_files/{uid}/ios.m3u8` and `/android.m3u8`: the HLS master playlist (404
 * without HLS exports), optionally `?width=&height=` and `?max_bandwidth=`.
 */
export async function contentHlsRoute(r: RestRequest): Promise<void> {
  const request = mediaRequest(r);
  if (request === null) return;
  const filter = renditionFilter(r);
  if (filter === null) return;
  sendMediaText(r, await contentHlsMasterFor(r.app, r.params.uid, request, filter));
}
