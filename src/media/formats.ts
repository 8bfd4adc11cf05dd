/**
 * The two core resource formats (screens-and-media.md §2.4.1-§2.4.2), registered at startup
 * like any plugin's. A missing asset converts to null: a nullable field becomes null, a required
 * one fails the screen, which the engine replaces by `error_screen_schema` (§4 item 4).
 */
import type { Secrets } from '../config/secrets';
import { realizedContent, realizedImage, thumbhashTarget } from '../domain/media';
import type { FormatRegistry } from '../domain/schema';
import type { Logger } from '../lib/log';
import type { MediaLookups } from './lookups';
import { signMediaJwt } from './tokens';

export function registerMediaFormats(registry: FormatRegistry, deps: { lookups: MediaLookups; secrets: Secrets; log: Logger }): void {
  const { lookups, secrets, log } = deps;
  registry.registerResourceFormat({
    format: 'image_uid',
    async convert(ctx, uid, node, root) {
      const target = thumbhashTarget(node, root);
      if (!target.ok) {
        log.warn({ uid, error: target.error }, 'image field has an unusable x-thumbhash; treated as missing');
        return null;
      }
      if (target.warning !== null) log.warn({ uid, warning: target.warning }, 'x-dynamic-size did not resolve; thumbhash for 1x1');
      const [thumbhash, jwt] = await Promise.all([lookups.thumbhash(ctx.query, uid, target.size), signMediaJwt(secrets, 'image', uid, ctx.now)]);
      if (thumbhash === null) return null;
      return realizedImage(uid, jwt, thumbhash);
    },
  });
  registry.registerResourceFormat({
    format: 'content_uid',
    async convert(ctx, uid) {
      const found = await lookups.content(ctx.query, uid);
      if (found === null) return null;
      const transcript = found.transcriptUid;
      const [contentJwt, transcriptJwt] = await Promise.all([
        signMediaJwt(secrets, 'content', uid, ctx.now),
        transcript === null ? null : signMediaJwt(secrets, 'transcript', transcript, ctx.now),
      ]);
      return realizedContent({ uid, jwt: contentJwt }, transcript === null ? null : { uid: transcript, jwt: transcriptJwt! });
    },
  });
}
