import { sendJson } from '../../../http';
import type { RestRequest } from '../../../router';

/** `GET /api/1/misc/now`: server time for the web client's clock-drift correction. No auth. */
export async function now({ res, app }: RestRequest): Promise<void> {
  sendJson(res, 200, { now: app.now() });
}
