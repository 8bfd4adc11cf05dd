import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { loadConfig } from '../src/config/config';
import { freeLoopbackPort } from '../src/infra/ports';
import { insertMissingClientFlows } from '../src/db/seed';
import { ALL_FLOW_FLAGS, flowScreenFlags } from '../src/domain/flags';
import { createLogger } from '../src/lib/log';
import { bootRuntime, type Runtime } from '../src/runtime';
import { triggerForUser } from '../src/services/queue.service';
import { runStandalone, spawnServer, startBenchEnvironment } from './harness';
import { formatTable, percentile } from './load';
import { parseBenchOptions, type BenchmarkResult, type BenchOptions } from './options';

/** Subscriptions opened at once while filling the instance. */
const OPEN_CONCURRENCY = 200;
/** Goals of issue 5. */
const RSS_GOAL_BYTES = 256 * 1024 * 1024;
const P99_GOAL_MS = 50;
/** Real triggers per second in the last phase: each is a PostgreSQL transaction on two shared cores. */
const TRIGGERS_PER_SECOND = 50;
const LIVE_FLOW = 'bench_live';
const SUBSCRIBE = JSON.stringify({
  id: 'q',
  type: 'subscribe',
  payload: { query: 'subscription { screenQueueChanged { queueVersion reason occurredAt } }' },
});

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match === null) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) * 1024;
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Subscriber {
  sub: string;
  socket: WebSocket;
  /** Called with each queue change's `occurredAt` (seconds) as it arrives. */
  onChange: ((occurredAt: number) => void) | null;
}

/** A DevTools protocol session with the server process, through the V8 inspector it was started with. */
async function openInspector(inspectorPort: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl, { maxPayload: 0 });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let id = 0;
  /** Notifications (`method` without `id`) go to `onEvent` until the reply arrives. */
  const call = (method: string, params: Record<string, unknown> = {}, onEvent?: (method: string, params: Record<string, unknown>) => void) =>
    new Promise<{ result?: { result?: { value?: string } } }>((resolve) => {
      const mine = ++id;
      const onMessage = (data: WebSocket.RawData) => {
        const reply = JSON.parse(String(data)) as { id?: number; method?: string; params?: Record<string, unknown> };
        if (reply.id === undefined && reply.method !== undefined) onEvent?.(reply.method, reply.params ?? {});
        if (reply.id !== mine) return;
        socket.off('message', onMessage);
        resolve(reply as { result?: { result?: { value?: string } } });
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id: mine, method, params }));
    });
  return { call, close: () => socket.close() };
}

/**
 * The server's own view of its memory: two full garbage collections, then
 * `process.memoryUsage()`. Separates live memory from RSS, which keeps whatever the heap grew to
 * while the connections were being set up. With `snapshotFile`, also writes a heap snapshot
 * there (for `node dist/bench/heap-snapshot.js`).
 */
async function memoryAfterGc(inspectorPort: number, snapshotFile?: string): Promise<NodeJS.MemoryUsage> {
  const inspector = await openInspector(inspectorPort);
  try {
    await inspector.call('HeapProfiler.collectGarbage');
    await inspector.call('HeapProfiler.collectGarbage');
    const reply = await inspector.call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
    if (snapshotFile !== undefined) {
      const chunks: string[] = [];
      await inspector.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, (method, params) => {
        if (method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(params.chunk as string);
      });
      writeFileSync(snapshotFile, chunks.join(''));
    }
    return JSON.parse(reply.result!.result!.value!) as NodeJS.MemoryUsage;
  } finally {
    inspector.close();
  }
}

/** What the server says about itself on `/metrics` (prom-client's default metrics): GC by kind and event-loop lag. */
interface ServerVitals {
  /** Collections and seconds spent, by kind (`major`, `minor`, `incremental`, `weakcb`). */
  gc: Map<string, { count: number; seconds: number }>;
  /** Event-loop lag since the previous scrape (prom-client resets its monitor on every scrape). */
  lagP99Seconds: number;
  lagMaxSeconds: number;
}

const METRICS_TOKEN = 'bench-metrics-token';

async function scrapeVitals(serverUrl: string): Promise<ServerVitals> {
  const text = await (await fetch(`${serverUrl}/metrics`, { headers: { authorization: `bearer ${METRICS_TOKEN}` } })).text();
  const gc = new Map<string, { count: number; seconds: number }>();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  for (const match of text.matchAll(/^clientflows_nodejs_gc_duration_seconds_(sum|count)\{kind="(\w+)"\} (\S+)$/gm)) {
    const entry = gc.get(match[2]) ?? { count: 0, seconds: 0 };
    if (match[1] === 'sum') entry.seconds = Number(match[3]);
    else entry.count = Number(match[3]);
    gc.set(match[2], entry);
  }
  return { gc, lagP99Seconds: value('clientflows_nodejs_eventloop_lag_p99_seconds'), lagMaxSeconds: value('clientflows_nodejs_eventloop_lag_max_seconds') };
}

/** GC between two scrapes, one line: `major 3 (41 ms), minor 120 (95 ms)`. */
function gcBetween(before: ServerVitals, after: ServerVitals): string {
  const parts: string[] = [];
  for (const [kind, end] of after.gc) {
    const start = before.gc.get(kind) ?? { count: 0, seconds: 0 };
    if (end.count > start.count) parts.push(`${kind} ${end.count - start.count} (${((end.seconds - start.seconds) * 1000).toFixed(0)} ms)`);
  }
  return parts.join(', ') || 'none';
}

/** One raw graphql-transport-ws subscriber: init, subscribe, resolve on its SUBSCRIBED event. */
function openSubscriber(wsUrl: string, sub: string, token: string): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    const subscriber: Subscriber = { sub, socket, onChange: null };
    let subscribed = false;
    socket.once('error', reject);
    socket.once('close', (code) => {
      if (!subscribed) reject(new Error(`closed ${code} before subscribing`));
    });
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `bearer ${token}` } })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; payload?: { data?: { screenQueueChanged: { reason: string; occurredAt: number } } } };
      if (message.type === 'connection_ack') socket.send(SUBSCRIBE);
      else if (message.type === 'next') {
        const change = message.payload!.data!.screenQueueChanged;
        if (!subscribed && change.reason === 'SUBSCRIBED') {
          subscribed = true;
          resolve(subscriber);
        } else subscriber.onChange?.(change.occurredAt);
      } else if (message.type === 'error') reject(new Error(JSON.stringify(message.payload)));
    });
  });
}

/** Runs `act(i)` `rate` times per second for `durationMs`, on a fixed schedule (no coordinated omission). */
async function paced(rate: number, durationMs: number, act: (i: number) => void): Promise<number> {
  const started = performance.now();
  const total = Math.floor((rate * durationMs) / 1000);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    act(i);
  }
  return total;
}

/** Delivery latencies (ms) of `count` changes, waiting up to 5 s for stragglers. */
async function collect(latencies: number[], count: number): Promise<number> {
  const deadline = Date.now() + 5000;
  while (latencies.length < count && Date.now() < deadline) await sleep(50);
  return count - latencies.length;
}

/**
 * N idle `screenQueueChanged` subscribers on one server process (RSS per subscriber), then queue
 * change events at a fixed rate from another instance in this process (push latency): first
 * through the after-commit publish path alone at `--events-per-second`, then real trusted
 * triggers (transaction + publish) at 50/s.
 */
export async function runSubscriptionBenchmark(options: BenchOptions, print: (text: string) => void = console.log): Promise<BenchmarkResult> {
  const n = options.subscribers;
  const env = await startBenchEnvironment(() => {});
  let publisher: Runtime | undefined;
  let server: Awaited<ReturnType<typeof spawnServer>> | undefined;
  const subscribers: Subscriber[] = [];
  try {
    // The publishing instance, in this process; booting it also applies the migrations.
    publisher = await bootRuntime(loadConfig(env.serverEnv, { log: () => {} }), createLogger('silent'), { verify: false, cacheDefinitions: false });
    print(`subscriptions: creating ${n} users with tokens`);
    await env.admin.query(
      `INSERT INTO users (sub, created_at) SELECT 'oseh_u_live_' || g, extract(epoch FROM now()) FROM generate_series(1, $1::int) g`,
      [n],
    );
    await env.admin.query(
      `INSERT INTO user_tokens (uid, user_id, token, name, created_at)
       SELECT 'oseh_utkn_live_' || id, id, 'oseh_ut_live_' || id, 'bench', extract(epoch FROM now()) FROM users WHERE sub LIKE 'oseh_u_live_%'`,
    );
    const users = (await env.admin.query<{ sub: string; token: string }>(
      `SELECT u.sub, t.token FROM users u JOIN user_tokens t ON t.user_id = u.id WHERE u.sub LIKE 'oseh_u_live_%' ORDER BY u.id`,
    )).rows;

    await insertMissingClientFlows((text, params) => publisher!.app.db.query(text, params), [
      {
        slug: LIVE_FLOW, name: LIVE_FLOW, description: null, replaces: true, rules: [], flags: ALL_FLOW_FLAGS,
        clientSchema: { type: 'object', properties: {}, additionalProperties: false, example: {} },
        serverSchema: { type: 'object', properties: {}, additionalProperties: false, example: {} },
        screens: [{
          screen: { slug: 'confirmation', fixed: { header: 'Live', message: 'a benchmark screen' }, variable: [] },
          name: 'Live', allowed_triggers: [], flags: flowScreenFlags(31), rules: { trigger: null, peek: null },
        }],
      },
    ], Date.now() / 1000);

    const inspectorPort = await freeLoopbackPort();
    server = await spawnServer({ ...env.serverEnv, METRICS_TOKEN }, [`--inspect=127.0.0.1:${inspectorPort}`]);
    const wsUrl = `${server.url.replace('http', 'ws')}/graphql`;
    // One subscriber in and out first, so the baseline includes the code paths' own warm-up.
    (await openSubscriber(wsUrl, users[0].sub, users[0].token)).socket.close();
    await sleep(1000);
    const rssBefore = rssBytes(server.pid);
    const snapshot = (name: string) => {
      if (options.heapSnapshotDir === null) return undefined;
      mkdirSync(options.heapSnapshotDir, { recursive: true });
      return path.join(options.heapSnapshotDir, `subscriptions-${name}.heapsnapshot`);
    };
    const before = await memoryAfterGc(inspectorPort, snapshot('before'));

    const opening = Date.now();
    for (let i = 0; i < users.length; i += OPEN_CONCURRENCY) {
      subscribers.push(...(await Promise.all(users.slice(i, i + OPEN_CONCURRENCY).map((u) => openSubscriber(wsUrl, u.sub, u.token)))));
    }
    const openSeconds = (Date.now() - opening) / 1000;
    await sleep(2000);
    const rssAfter = rssBytes(server.pid);
    const perSubscriber = (rssAfter - rssBefore) / n;
    const after = await memoryAfterGc(inspectorPort, snapshot('after'));
    const rssAfterGc = rssBytes(server.pid);
    const livePerSubscriber = (after.heapUsed + after.external - before.heapUsed - before.external) / n;

    // Real trusted triggers: a transaction on another instance, then its after-commit publish.
    const triggerLatencies: number[] = [];
    const started = new Map<string, number>();
    for (const s of subscribers) {
      s.onChange = () => {
        const at = started.get(s.sub);
        if (at !== undefined) triggerLatencies.push(performance.now() - at);
        started.delete(s.sub);
      };
    }
    let triggerErrors = 0;
    const triggers: Promise<unknown>[] = [];
    const triggered = await paced(TRIGGERS_PER_SECOND, options.durationMs, (i) => {
      const s = subscribers[(i * 104729) % subscribers.length];
      started.set(s.sub, performance.now());
      triggers.push(
        triggerForUser(publisher!.app, { userSub: s.sub, slug: LIVE_FLOW, platform: 'server', version: null, clientParameters: {}, serverParameters: {} })
          .catch(() => triggerErrors++),
      );
    });
    await Promise.all(triggers);
    const triggerLost = await collect(triggerLatencies, triggered);

    // Events straight through the after-commit publish path of another instance.
    // Versions far above the stored ones (subscribers drop events that are not newer).
    const vitalsBefore = await scrapeVitals(server.url);
    const versions = new Map<string, number>();
    const publishLatencies: number[] = [];
    for (const s of subscribers) s.onChange = (occurredAt) => publishLatencies.push(Date.now() - occurredAt * 1000);
    const published = await paced(options.eventsPerSecond, options.durationMs, (i) => {
      const s = subscribers[(i * 7919) % subscribers.length];
      const queueVersion = (versions.get(s.sub) ?? 1_000_000) + 1;
      versions.set(s.sub, queueVersion);
      publisher!.app.queueChanges.publish(s.sub, { queueVersion, reason: 'FLOW_TRIGGERED', flowSlug: LIVE_FLOW, occurredAt: Date.now() / 1000 });
    });
    const publishLost = await collect(publishLatencies, published);
    const vitalsAfter = await scrapeVitals(server.url);

    print('');
    print(`subscriptions: ${n} idle subscribers on one instance (opened in ${openSeconds.toFixed(1)} s)`);
    print(formatTable(
      ['measure', 'value'],
      [
        ['server RSS before', `${mib(rssBefore)} MiB`],
        [`server RSS with ${n}`, `${mib(rssAfter)} MiB`],
        ['RSS per subscriber', `${(perSubscriber / 1024).toFixed(1)} KiB`],
        [`server RSS with ${n}, after a full GC`, `${mib(rssAfterGc)} MiB`],
        ['live heap + external before / after', `${mib(before.heapUsed + before.external)} / ${mib(after.heapUsed + after.external)} MiB`],
        ['live heap + external per subscriber', `${(livePerSubscriber / 1024).toFixed(1)} KiB`],
      ],
    ));
    print('');
    print(formatTable(
      ['events from another instance', 'rate/s', 'events', 'p50 ms', 'p99 ms', 'max ms', 'lost'],
      [
        ['publish after commit', options.eventsPerSecond, published, percentile(publishLatencies, 50), percentile(publishLatencies, 99), Math.max(...publishLatencies), publishLost],
        ['trusted trigger (tx + publish)', TRIGGERS_PER_SECOND, triggered, percentile(triggerLatencies, 50).toFixed(1), percentile(triggerLatencies, 99).toFixed(1), Math.max(...triggerLatencies).toFixed(1), triggerLost],
      ],
    ));
    print(`server during the publish phase: GC ${gcBetween(vitalsBefore, vitalsAfter)}; event-loop lag p99 ${(vitalsAfter.lagP99Seconds * 1000).toFixed(1)} ms, max ${(vitalsAfter.lagMaxSeconds * 1000).toFixed(1)} ms`);
    const p99 = percentile(publishLatencies, 99);
    return {
      name: 'subscriptions',
      summary: [
        `subscriptions: ${n} subscribers in ${mib(rssAfter)} MiB RSS (${(perSubscriber / 1024).toFixed(1)} KiB each; goal < ${mib(RSS_GOAL_BYTES)} MiB)${rssAfter < RSS_GOAL_BYTES ? '' : ' ABOVE GOAL'}; ${(livePerSubscriber / 1024).toFixed(1)} KiB live each, ${mib(rssAfterGc)} MiB RSS after a full GC`,
        `subscriptions: push latency at ${options.eventsPerSecond}/s p50 ${percentile(publishLatencies, 50)} ms, p99 ${p99} ms (goal < ${P99_GOAL_MS} ms)${p99 < P99_GOAL_MS ? '' : ' ABOVE GOAL'}`,
      ],
      errors: publishLost + triggerLost + triggerErrors,
    };
  } finally {
    for (const s of subscribers) s.socket.terminate();
    await server?.stop();
    await publisher?.stop();
    await env.stop();
  }
}

if (require.main === module) {
  runStandalone(() => runSubscriptionBenchmark(parseBenchOptions(process.argv.slice(2))));
}
