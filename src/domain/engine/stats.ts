import type { RequestPlatform } from '../model';
import type { Operation, StatsEvent } from './types';

const versionText = (version: number | null) => (version === null ? 'None' : String(version));
const boolText = (b: boolean) => (b ? 'True' : 'False');

/**
 * The Redis breakdown key of an event, rendered exactly like the reference's Python formatting
 * (stats-cache-jobs.md §1.3): `None` for no version, `True`/`False`, `''` for no popped screen.
 * Segments are not validated here; the stats writer bounds cardinality (§8 item 6).
 */
export function renderBreakdownKey(e: StatsEvent): string {
  const v = versionText(e.version);
  switch (e.event) {
    case 'triggered':
      return `${e.source}:${v}:${e.flowSlug}:${boolText(e.trusted)}`;
    case 'replaced':
      return `${e.source}:${v}:${e.poppedScreenSlug ?? ''}:${e.originalSlug}:${e.replacementSlug}`;
    case 'queued':
      return `${e.source}:${v}:${e.screenSlug}`;
    case 'peeked':
    case 'popped':
    case 'traced':
      return `${e.platform}:${v}:${e.screenSlug}`;
  }
}

/** Flow counters go to `stats:client_flows:…`, screen counters to `stats:client_screens:…`. */
export const statsFamily = (e: StatsEvent): 'client_flows' | 'client_screens' =>
  e.event === 'triggered' || e.event === 'replaced' ? 'client_flows' : 'client_screens';

/** The one `peeked` event of a response; the service adds it for the committed front. */
export const peekedEvent = (op: Operation, screenSlug: string): StatsEvent => ({
  event: 'peeked',
  platform: op.platform,
  version: op.version,
  screenSlug,
});

export const replacedEvent = (
  source: RequestPlatform,
  version: number | null,
  poppedScreenSlug: string | null,
  originalSlug: string,
  replacementSlug: string,
): StatsEvent => ({ event: 'replaced', source, version, poppedScreenSlug, originalSlug, replacementSlug });
