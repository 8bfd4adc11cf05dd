import type { StatsFamilyName } from '../../../../../domain/stats-keys';
import { historicalStats, partialStats } from '../../../../../services/stats.service';
import { acceptsGzip, header, JSON_CONTENT_TYPE, sendJson } from '../../../../http';
import { authenticateAdmin } from '../../../../admin';
import type { RestRequest } from '../../../../router';

/**
 * The historical chart (stats-cache-jobs.md §4.1): the cached gzip body as is when the client
 * accepts gzip (the admin web UI does), else decompressed; private, cacheable until the body
 * expires, `stale-if-error=600`.
 */
export async function sendHistoricalStats(request: RestRequest, family: StatsFamilyName): Promise<void> {
  if ((await authenticateAdmin(request)) === null) return;
  request.req.resume();
  const chart = await historicalStats(request.app, family);
  const gzip = acceptsGzip(header(request.req, 'accept-encoding'));
  const body = gzip ? chart.gzipBody : await chart.json();
  request.res.writeHead(200, {
    'content-type': JSON_CONTENT_TYPE,
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    'content-length': body.length,
    'cache-control': `private, max-age=${chart.maxAgeSeconds}, stale-if-error=600`,
    vary: 'accept-encoding',
  });
  request.res.end(body);
}

/** Today and yesterday (§4.2), never cached. */
export async function sendPartialStats(request: RestRequest, family: StatsFamilyName): Promise<void> {
  if ((await authenticateAdmin(request)) === null) return;
  request.req.resume();
  sendJson(request.res, 200, await partialStats(request.app, family), { 'cache-control': 'no-store' });
}
