import type { Redis } from 'ioredis';
import type { Database } from '../db/database';
import { findQueueVersions } from '../db/repositories/users.repository';
import { decodeQueueChange, encodeQueueChange, type QueueChange } from '../domain/queue-change';
import type { Logger } from '../lib/log';
import { withReadConnection } from '../services/transaction';
import type { RedisSubscriber } from './redis-subscriber';

/** One channel per user: an instance only receives the users it holds subscriptions for. */
export function queueChannel(sub: string): string {
  return `ps:user_client_screens:${sub}`;
}

/** Undelivered events kept per subscription; older ones are dropped (versions tell the client). */
const MAX_BUFFERED = 16;
/** Users per version read when resynchronizing after a reconnect. */
const RESYNC_BATCH = 1000;

/**
 * The events of one subscription, as the async iterator graphql-ws consumes. Events whose
 * version is not newer than the last one delivered are dropped (duplicates, stale reorderings).
 */
export class QueueChangeStream implements AsyncIterableIterator<QueueChange> {
  lastVersion = -1;
  private readonly buffer: QueueChange[] = [];
  private waiting: ((result: IteratorResult<QueueChange>) => void) | null = null;
  private done = false;

  constructor(private readonly onClose: () => void) {}

  push(change: QueueChange): void {
    if (this.done || change.queueVersion <= this.lastVersion) return;
    this.lastVersion = change.queueVersion;
    if (this.waiting !== null) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: change, done: false });
      return;
    }
    this.buffer.push(change);
    if (this.buffer.length > MAX_BUFFERED) this.buffer.shift();
  }

  next(): Promise<IteratorResult<QueueChange>> {
    const change = this.buffer.shift();
    if (change !== undefined) return Promise.resolve({ value: change, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<QueueChange>> {
    if (!this.done) {
      this.done = true;
      this.buffer.length = 0;
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
      this.onClose();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(): Promise<IteratorResult<QueueChange>> {
    return this.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

interface UserEntry {
  userId: string;
  streams: Set<QueueChangeStream>;
  stop(): void;
  subscribed: Promise<void>;
}

/**
 * Publishes committed queue changes and fans them out to this instance's subscribers. Publishing
 * never fails the caller (it runs after commit); a lost message is recovered by the RESYNC after
 * a reconnect or by the client's next peek.
 */
export class QueueChanges {
  private readonly users = new Map<string, UserEntry>();

  constructor(
    private readonly deps: { redis: Redis; subscriber: RedisSubscriber; db: Database; log: Logger; now(): number },
  ) {
    deps.subscriber.onReconnect(() => this.resync());
  }

  publish(sub: string, change: QueueChange): void {
    this.deps.redis.publish(queueChannel(sub), encodeQueueChange(change)).catch((error: unknown) => {
      this.deps.log.warn({ err: error, sub }, 'could not publish a queue change');
    });
  }

  /**
   * A subscription to one user's queue. Its first event (`SUBSCRIBED`) carries the version read
   * once Redis confirmed the channel, so no change committed afterwards can be missed.
   */
  async open(user: { id: string; sub: string }): Promise<QueueChangeStream> {
    let entry = this.users.get(user.sub);
    if (entry === undefined) {
      const listening = this.deps.subscriber.listen(queueChannel(user.sub), (message) => this.deliver(user.sub, message));
      entry = { userId: user.id, streams: new Set(), stop: listening.stop, subscribed: listening.subscribed };
      this.users.set(user.sub, entry);
    }
    const owner = entry;
    const stream = new QueueChangeStream(() => {
      owner.streams.delete(stream);
      if (owner.streams.size > 0) return;
      owner.stop();
      if (this.users.get(user.sub) === owner) this.users.delete(user.sub);
    });
    owner.streams.add(stream);
    try {
      await owner.subscribed;
      const versions = await withReadConnection(this.deps.db, (sql) => findQueueVersions(sql, [user.id]));
      stream.push({ queueVersion: versions.get(user.id) ?? 0, reason: 'SUBSCRIBED', flowSlug: null, occurredAt: this.deps.now() });
    } catch (error) {
      await stream.return();
      throw error;
    }
    return stream;
  }

  /** Subscriptions open on this instance. */
  get subscriptionCount(): number {
    let count = 0;
    for (const entry of this.users.values()) count += entry.streams.size;
    return count;
  }

  private deliver(sub: string, message: Buffer): void {
    const change = decodeQueueChange(message.toString('utf8'));
    if (change === null) return;
    for (const stream of this.users.get(sub)?.streams ?? []) stream.push(change);
  }

  /** After a reconnect: tell every subscriber whose queue moved while messages could be lost. */
  private async resync(): Promise<void> {
    const entries = [...this.users.values()];
    for (let i = 0; i < entries.length; i += RESYNC_BATCH) {
      const batch = entries.slice(i, i + RESYNC_BATCH);
      const versions = await withReadConnection(this.deps.db, (sql) => findQueueVersions(sql, batch.map((entry) => entry.userId)));
      const occurredAt = this.deps.now();
      for (const entry of batch) {
        const queueVersion = versions.get(entry.userId);
        if (queueVersion === undefined) continue;
        for (const stream of entry.streams) stream.push({ queueVersion, reason: 'RESYNC', flowSlug: null, occurredAt });
      }
    }
  }
}
