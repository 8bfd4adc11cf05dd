/**
 * The subscription benchmark's client side, in a worker thread: it holds every subscriber's
 * socket and timestamps each queue change as it arrives, so that the main thread's work
 * (publishing, triggers, its own garbage collections) does not delay the receiving. Both threads
 * read one clock, `performance.timeOrigin + performance.now()` (milliseconds since the epoch, the
 * same in every thread of the process).
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import WebSocket from 'ws';

/** Milliseconds since the epoch, sub-millisecond, comparable across threads. */
export const clock = () => performance.timeOrigin + performance.now();

const SUBSCRIBE = JSON.stringify({
  id: 'q',
  type: 'subscribe',
  payload: { query: 'subscription { screenQueueChanged { queueVersion reason occurredAt } }' },
});

/** Main thread → worker. */
export type ClientRequest =
  | { type: 'open'; wsUrl: string; users: { sub: string; token: string }[]; concurrency: number; closeAfter: boolean }
  | { type: 'drain' }
  | { type: 'watch' }
  | { type: 'vitals' }
  | { type: 'close' };

/** A queue change as it arrived: subscriber index, `occurredAt` (ms), arrival (ms). */
export type Arrival = [index: number, occurredAtMs: number, receivedAtMs: number];

/**
 * How busy this thread was between `watch` and `vitals`: event-loop delay beyond the monitor's
 * own 1 ms interval (an idle thread shows 0), and collections.
 */
export interface ThreadVitals {
  lagP99Ms: number;
  lagMaxMs: number;
  gcCount: number;
  gcMs: number;
}

/** Worker → main thread, one reply per request. */
export type ClientReply =
  | { type: 'opened'; count: number }
  | { type: 'drained'; arrivals: Arrival[] }
  | { type: 'vitals'; vitals: ThreadVitals }
  | { type: 'failed'; message: string };

/**
 * Event-loop delay (1 ms resolution) and GC time of the current thread from `start()` on; used
 * by both threads of the benchmark.
 */
export function watchThread() {
  const resolutionMs = 1;
  const delay = monitorEventLoopDelay({ resolution: resolutionMs });
  let gcCount = 0;
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcCount++;
      gcMs += entry.duration;
    }
  });
  return {
    start() {
      delay.reset();
      gcCount = 0;
      gcMs = 0;
      delay.enable();
      observer.observe({ entryTypes: ['gc'] });
    },
    stop(): ThreadVitals {
      delay.disable();
      observer.disconnect();
      // Nanoseconds between the monitor's ticks, which are `resolutionMs` apart when nothing delays them.
      const lag = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - resolutionMs);
      return { lagP99Ms: lag(delay.percentile(99)), lagMaxMs: lag(delay.max), gcCount, gcMs };
    },
  };
}

function openSubscriber(wsUrl: string, user: { sub: string; token: string }, index: number, arrivals: Arrival[]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    let subscribed = false;
    socket.once('error', reject);
    socket.once('close', (code) => {
      if (!subscribed) reject(new Error(`closed ${code} before subscribing`));
    });
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `bearer ${user.token}` } })));
    socket.on('message', (data) => {
      const receivedAt = clock();
      const message = JSON.parse(String(data)) as { type: string; payload?: { data?: { screenQueueChanged: { reason: string; occurredAt: number } } } };
      if (message.type === 'connection_ack') socket.send(SUBSCRIBE);
      else if (message.type === 'next') {
        const change = message.payload!.data!.screenQueueChanged;
        if (!subscribed && change.reason === 'SUBSCRIBED') {
          subscribed = true;
          resolve(socket);
        } else arrivals.push([index, change.occurredAt * 1000, receivedAt]);
      } else if (message.type === 'error') reject(new Error(JSON.stringify(message.payload)));
    });
  });
}

function serve(port: NonNullable<typeof parentPort>): void {
  const sockets: WebSocket[] = [];
  const arrivals: Arrival[] = [];
  const thread = watchThread();
  const reply = (message: ClientReply) => port.postMessage(message);
  port.on('message', (request: ClientRequest) => {
    switch (request.type) {
      case 'open':
        void (async () => {
          const opened: WebSocket[] = [];
          for (let i = 0; i < request.users.length; i += request.concurrency) {
            const batch = request.users.slice(i, i + request.concurrency);
            opened.push(...(await Promise.all(batch.map((user, j) => openSubscriber(request.wsUrl, user, sockets.length + i + j, arrivals)))));
          }
          if (request.closeAfter) for (const socket of opened) socket.close();
          else sockets.push(...opened);
          reply({ type: 'opened', count: opened.length });
        })().catch((error: unknown) => reply({ type: 'failed', message: String(error) }));
        return;
      case 'watch':
        thread.start();
        return;
      case 'vitals':
        reply({ type: 'vitals', vitals: thread.stop() });
        return;
      case 'drain':
        reply({ type: 'drained', arrivals: arrivals.splice(0) });
        return;
      case 'close':
        for (const socket of sockets) socket.terminate();
        port.close();
        return;
    }
  });
}

if (parentPort !== null) serve(parentPort);
