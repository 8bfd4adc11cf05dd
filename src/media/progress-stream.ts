import type { Redis } from 'ioredis';
import type { RedisSubscriber } from '../realtime/redis-subscriber';
import { progressChannel, readProgress, type ProgressEvent } from './progress';

const isFinal = (event: ProgressEvent) => event.type === 'failed' || event.type === 'succeeded';

/**
 * A job's progress as a stream (screens-and-media.md §3.4 step 6): the stored events first, then
 * new ones as they are published, ending after `failed`/`succeeded`. It listens before reading
 * the stored list, so nothing published in between is lost; what arrives during the replay and
 * is already in it is dropped.
 */
export async function* progressStream(redis: Redis, subscriber: RedisSubscriber, uid: string): AsyncGenerator<ProgressEvent> {
  const pending: string[] = [];
  let wake: (() => void) | null = null;
  const listening = subscriber.listen(progressChannel(uid), (message) => {
    pending.push(message.toString('utf8'));
    wake?.();
  });
  try {
    await listening.subscribed;
    const replay = await readProgress(redis, uid);
    const seen = new Set(replay.map((event) => JSON.stringify(event)));
    for (const event of replay) {
      yield event;
      if (isFinal(event)) return;
    }
    for (;;) {
      while (pending.length > 0) {
        const text = pending.shift()!;
        const event = JSON.parse(text) as ProgressEvent;
        if (seen.has(JSON.stringify(event))) continue;
        yield event;
        if (isFinal(event)) return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    listening.stop();
  }
}
