import type { Redis } from 'ioredis';
import type { Logger } from '../lib/log';

export type MessageHandler = (message: Buffer) => void;

export interface Listening {
  /** Settles when Redis confirmed the subscription; rejects while Redis is unreachable. */
  subscribed: Promise<void>;
  /** Removes this handler; the channel is unsubscribed when its last handler goes. */
  stop(): void;
}

/** Channels per SUBSCRIBE when resubscribing everything (keeps each command small). */
const RESUBSCRIBE_BATCH = 1000;

/**
 * The process's one pub/sub connection, shared by every channel it needs (definition purges,
 * the queues of connected users). Channels are reference-counted: subscribed when the first
 * handler arrives, unsubscribed when the last one leaves. After a reconnect it resubscribes every
 * channel itself, then runs the reconnect hooks (messages sent meanwhile were lost: callers flush
 * or resynchronize).
 */
export class RedisSubscriber {
  private readonly connection: Redis;
  private readonly channels = new Map<string, { handlers: Set<MessageHandler>; subscribed: Promise<void> }>();
  private readonly reconnectHooks: (() => Promise<void> | void)[] = [];
  private connectedBefore = false;
  private closed = false;

  constructor(
    redis: Redis,
    private readonly log: Logger,
    /** Test hook: messages on channels it accepts are dropped on arrival. */
    private readonly drop: (channel: string) => boolean = () => false,
  ) {
    // Connects on first use: a CLI command that never listens never opens it.
    this.connection = redis.duplicate({ lazyConnect: true, autoResubscribe: false });
    this.connection.on('messageBuffer', (channel: Buffer, message: Buffer) => this.dispatch(channel.toString('utf8'), message));
    this.connection.on('ready', () => void this.onReady());
    let reported = false;
    this.connection.on('error', (error) => {
      if (!reported) log.warn({ err: error }, 'redis subscriber connection error');
      reported = true;
    });
    this.connection.on('ready', () => (reported = false));
  }

  listen(channel: string, handler: MessageHandler): Listening {
    let entry = this.channels.get(channel);
    if (entry === undefined) {
      entry = { handlers: new Set(), subscribed: this.subscribe([channel]) };
      this.channels.set(channel, entry);
    }
    entry.handlers.add(handler);
    const current = entry;
    return {
      subscribed: current.subscribed,
      stop: () => {
        current.handlers.delete(handler);
        if (current.handlers.size > 0 || this.channels.get(channel) !== current) return;
        this.channels.delete(channel);
        if (!this.closed) this.connection.unsubscribe(channel).catch(() => {});
      },
    };
  }

  /** Runs after every reconnect, once every channel is subscribed again. */
  onReconnect(hook: () => Promise<void> | void): void {
    this.reconnectHooks.push(hook);
  }

  get channelCount(): number {
    return this.channels.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.channels.clear();
    if (this.connection.status === 'wait') return this.connection.disconnect();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }

  private subscribe(channels: string[]): Promise<void> {
    const done = this.connection.subscribe(...channels).then(() => undefined);
    done.catch(() => {}); // a failure is reported to whoever awaits it; the next reconnect retries
    return done;
  }

  private dispatch(channel: string, message: Buffer): void {
    const entry = this.channels.get(channel);
    if (entry === undefined || this.drop(channel)) return;
    for (const handler of entry.handlers) {
      try {
        handler(message);
      } catch (error) {
        this.log.error({ err: error, channel }, 'pub/sub handler failed');
      }
    }
  }

  private async onReady(): Promise<void> {
    const reconnected = this.connectedBefore;
    this.connectedBefore = true;
    const names = [...this.channels.keys()];
    const batches: Promise<void>[] = [];
    for (let i = 0; i < names.length; i += RESUBSCRIBE_BATCH) {
      const batch = names.slice(i, i + RESUBSCRIBE_BATCH);
      const subscribed = this.subscribe(batch);
      for (const name of batch) {
        const entry = this.channels.get(name);
        if (entry !== undefined) entry.subscribed = subscribed;
      }
      batches.push(subscribed);
    }
    try {
      await Promise.all(batches);
    } catch {
      return; // dropped again; the next ready retries
    }
    if (!reconnected) return;
    this.log.info({ channels: names.length }, 'redis subscriber reconnected and resubscribed');
    for (const hook of this.reconnectHooks) {
      try {
        await hook();
      } catch (error) {
        this.log.error({ err: error }, 'reconnect hook failed');
      }
    }
  }
}
