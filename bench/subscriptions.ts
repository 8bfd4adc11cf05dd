import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
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
import { clock, watchThread, type Arrival, type ClientReply, type ClientRequest, type ThreadVitals } from './subscriber-clients';

/** Subscriptions opened at once while filling the instance. */
const OPEN_CONCURRENCY = 200;
/** Goals of issue 5. */
const RSS_GOAL_BYTES = 256 * 1024 * 1024;
const P99_GOAL_MS = 50;
/** Real triggers per second in the last phase: each is a PostgreSQL transaction on two shared cores. */
const TRIGGERS_PER_SECOND = 50;
const LIVE_FLOW = 'bench_live';
/** pg-pool's default `idleTimeoutMillis` (the server's pool does not change it). */
const POOL_IDLE_MS = 10_000;

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match === null) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) * 1024;
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The subscribers' sockets, held by a worker thread (`subscriber-clients.ts`). */
class SubscriberClients {
  private readonly worker = new Worker(path.join(__dirname, 'subscriber-clients.js'));
  private readonly waiting: ((reply: ClientReply) => void)[] = [];
  private failure: Error | null = null;

  constructor() {
    this.worker.on('message', (reply: ClientReply) => this.waiting.shift()?.(reply));
    this.worker.on('error', (error) => (this.failure = error));
  }

  /** One request with a reply; requests are sent one at a time, so replies come in order. */
  private ask<T extends ClientReply['type']>(request: ClientRequest, type: T): Promise<Extract<ClientReply, { type: T }>> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push((reply) => {
        if (reply.type === type) resolve(reply as Extract<ClientReply, { type: T }>);
        else reject(new Error(reply.type === 'failed' ? reply.message : `unexpected ${reply.type}`));
      });
      this.worker.postMessage(request);
    });
  }

  /** Opens a subscriber per user (subscriber indexes follow `users`), or opens and closes them. */
  async open(wsUrl: string, users: { sub: string; token: string }[], closeAfter = false): Promise<void> {
    await this.ask({ type: 'open', wsUrl, users, concurrency: OPEN_CONCURRENCY, closeAfter }, 'opened');
  }

  /** Queue changes arrived since the previous drain. */
  async drain(): Promise<Arrival[]> {
    return (await this.ask({ type: 'drain' }, 'drained')).arrivals;
  }

  /** Starts watching the worker's event loop and collections; `vitals()` stops and reports. */
  watch(): void {
    this.worker.postMessage({ type: 'watch' } satisfies ClientRequest);
  }

  async vitals(): Promise<ThreadVitals> {
    return (await this.ask({ type: 'vitals' }, 'vitals')).vitals;
  }

  async close(): Promise<void> {
    this.worker.postMessage({ type: 'close' } satisfies ClientRequest);
    await this.worker.terminate();
  }
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

/**
 * A CPU profile and a sampled allocation profile of the server from now until `stop` (through
 * its inspector), written to `DIR/subscriptions-publish.cpuprofile` and `.heapprofile` (Chrome
 * DevTools opens both): `--profile-server DIR` profiles the publish phase alone. Sampling slows
 * the server a little, so that run's latencies are not the headline.
 */
async function startServerProfile(inspectorPort: number, dir: string) {
  const inspector = await openInspector(inspectorPort);
  await inspector.call('Profiler.enable');
  await inspector.call('Profiler.setSamplingInterval', { interval: 200 });
  await inspector.call('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await inspector.call('Profiler.start');
  return {
    async stop() {
      const cpu = (await inspector.call('Profiler.stop')) as { result?: { profile?: unknown } };
      const heap = (await inspector.call('HeapProfiler.stopSampling')) as { result?: { profile?: unknown } };
      writeFileSync(path.join(dir, 'subscriptions-publish.cpuprofile'), JSON.stringify(cpu.result!.profile));
      writeFileSync(path.join(dir, 'subscriptions-publish.heapprofile'), JSON.stringify(heap.result!.profile));
      inspector.close();
    },
  };
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

/**
 * Drains arrivals into `record` until `count` changes arrived or 5 s passed without them all;
 * returns how many are missing.
 */
async function collect(clients: SubscriberClients, count: number, record: (arrival: Arrival) => boolean): Promise<number> {
  const deadline = Date.now() + 5000;
  let received = 0;
  for (;;) {
    for (const arrival of await clients.drain()) if (record(arrival)) received++;
    if (received >= count || Date.now() >= deadline) return count - received;
    await sleep(50);
  }
}

const threadLine = (vitals: ThreadVitals) =>
  `event-loop lag p99 ${vitals.lagP99Ms.toFixed(1)} ms, max ${vitals.lagMaxMs.toFixed(1)} ms; GC ${vitals.gcCount} (${vitals.gcMs.toFixed(0)} ms)`;

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
  const clients = new SubscriberClients();
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
    await clients.open(wsUrl, users.slice(0, 1), true);
    await sleep(1000);
    const rssBefore = rssBytes(server.pid);
    const snapshot = (name: string) => {
      if (options.heapSnapshotDir === null) return undefined;
      mkdirSync(options.heapSnapshotDir, { recursive: true });
      return path.join(options.heapSnapshotDir, `subscriptions-${name}.heapsnapshot`);
    };
    const before = await memoryAfterGc(inspectorPort, snapshot('before'));

    const opening = Date.now();
    await clients.open(wsUrl, users);
    const openSeconds = (Date.now() - opening) / 1000;
    const opened = Date.now();
    await sleep(2000);
    const rssAfter = rssBytes(server.pid);
    const perSubscriber = (rssAfter - rssBefore) / n;
    const after = await memoryAfterGc(inspectorPort, snapshot('after'));
    const rssAfterGc = rssBytes(server.pid);
    const livePerSubscriber = (after.heapUsed + after.external - before.heapUsed - before.external) / n;

    // Real trusted triggers: a transaction on another instance, then its after-commit publish.
    const triggerLatencies: number[] = [];
    const started = new Map<number, number>();
    let triggerErrors = 0;
    const triggers: Promise<unknown>[] = [];
    const triggered = await paced(TRIGGERS_PER_SECOND, options.durationMs, (i) => {
      const index = (i * 104729) % n;
      started.set(index, clock());
      triggers.push(
        triggerForUser(publisher!.app, { userSub: users[index].sub, slug: LIVE_FLOW, platform: 'server', version: null, clientParameters: {}, serverParameters: {} })
          .catch(() => triggerErrors++),
      );
    });
    await Promise.all(triggers);
    const triggerLost = await collect(clients, triggered, ([index, , receivedAt]) => {
      const at = started.get(index);
      started.delete(index);
      if (at === undefined) return false;
      triggerLatencies.push(receivedAt - at);
      return true;
    });

    // Events straight through the after-commit publish path of another instance.
    // Versions far above the stored ones (subscribers drop events that are not newer).
    await clients.drain();
    // The opening burst filled A's connection pool; pg-pool closes those connections after 10 s
    // idle, and PostgreSQL's backends exiting at once contend for the cores. That is not push
    // delivery: start the window after it (`settled` in the output says how long was waited).
    const settle = Math.max(0, opened + POOL_IDLE_MS + 1000 - Date.now());
    await sleep(settle);
    const vitalsBefore = await scrapeVitals(server.url);
    const versions = new Map<string, number>();
    const publishLatencies: number[] = [];
    const profileDir = options.profileServerDir;
    if (profileDir !== null) mkdirSync(profileDir, { recursive: true });
    const profile = profileDir === null ? null : await startServerProfile(inspectorPort, profileDir);
    const benchThread = watchThread();
    clients.watch();
    benchThread.start();
    const published = await paced(options.eventsPerSecond, options.durationMs, (i) => {
      const sub = users[(i * 7919) % n].sub;
      const queueVersion = (versions.get(sub) ?? 1_000_000) + 1;
      versions.set(sub, queueVersion);
      publisher!.app.queueChanges.publish(sub, { queueVersion, reason: 'FLOW_TRIGGERED', flowSlug: LIVE_FLOW, occurredAt: clock() / 1000 });
    });
    const publishLost = await collect(clients, published, ([, occurredAt, receivedAt]) => {
      publishLatencies.push(receivedAt - occurredAt);
      return true;
    });
    const publisherVitals = benchThread.stop();
    await profile?.stop();
    const receiverVitals = await clients.vitals();
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
        ['publish after commit', options.eventsPerSecond, published, percentile(publishLatencies, 50).toFixed(1), percentile(publishLatencies, 99).toFixed(1), Math.max(...publishLatencies).toFixed(1), publishLost],
        ['trusted trigger (tx + publish)', TRIGGERS_PER_SECOND, triggered, percentile(triggerLatencies, 50).toFixed(1), percentile(triggerLatencies, 99).toFixed(1), Math.max(...triggerLatencies).toFixed(1), triggerLost],
      ],
    ));
    // prom-client's monitor ticks every 10 ms and reports the time between ticks: idle is about 10 ms.
    print(`server during the publish phase: GC ${gcBetween(vitalsBefore, vitalsAfter)}; event-loop lag p99 ${(vitalsAfter.lagP99Seconds * 1000).toFixed(1)} ms, max ${(vitalsAfter.lagMaxSeconds * 1000).toFixed(1)} ms (prom-client's figures: an idle loop shows 10)`);
    if (profileDir !== null) print(`server profiles of the publish phase in ${profileDir} (summarize the CPU one: node dist/bench/cpu-profile.js FILE)`);
    print(`bench publishing thread (instance B) during it: ${threadLine(publisherVitals)} (beyond the 1 ms monitor tick: an idle loop shows 0)`);
    print(`bench receiving thread (${n} client sockets) during it: ${threadLine(receiverVitals)}`);
    const p99 = percentile(publishLatencies, 99);
    return {
      name: 'subscriptions',
      summary: [
        `subscriptions: ${n} subscribers in ${mib(rssAfter)} MiB RSS (${(perSubscriber / 1024).toFixed(1)} KiB each; goal < ${mib(RSS_GOAL_BYTES)} MiB)${rssAfter < RSS_GOAL_BYTES ? '' : ' ABOVE GOAL'}; ${(livePerSubscriber / 1024).toFixed(1)} KiB live each, ${mib(rssAfterGc)} MiB RSS after a full GC`,
        `subscriptions: push latency at ${options.eventsPerSecond}/s p50 ${percentile(publishLatencies, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (goal < ${P99_GOAL_MS} ms)${p99 < P99_GOAL_MS ? '' : ' ABOVE GOAL'}`,
      ],
      errors: publishLost + triggerLost + triggerErrors,
    };
  } finally {
    await clients.close();
    await server?.stop();
    await publisher?.stop();
    await env.stop();
  }
}

if (require.main === module) {
  runStandalone(() => runSubscriptionBenchmark(parseBenchOptions(process.argv.slice(2))));
}
