import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import http from 'node:http';
import type pg from 'pg';
import { loadConfig } from '../src/config/config';
import { insertMissingClientFlows } from '../src/db/seed';
import { ALL_FLOW_FLAGS, flowScreenFlags } from '../src/domain/flags';
import type { FlowScreen } from '../src/domain/model';
import { createLogger } from '../src/lib/log';
import { bootRuntime } from '../src/runtime';
import { triggerForUser } from '../src/services/queue.service';
import { createUser, issueUserToken } from '../src/services/users.service';
import { createFloorPool, floorPeek, floorPop, type FloorUser } from './floor';
import { addCpu, cpuBetween, runStandalone, sampleCpu, spawnServer, startBenchEnvironment, type BenchEnvironment, type CpuSample } from './harness';
import { fixed, formatTable, percentile, Recorder, runLoad, type LoadPlan } from './load';
import { parseBenchOptions, type BenchOptions, type BenchmarkResult } from './options';

/** Each virtual user's queue starts with these; every pop removes one and the trigger puts one back. */
const START_FLOW = 'bench_start';
const REQUEUE_FLOW = 'bench_requeue';
const REQUEUE_HEADER = 'Again';
/** The `?platform=&version=` every request carries (a recent iOS client). */
const CLIENT_QUERY = 'platform=ios&version=96';
/** Sequential loops per side for the statement census. */
const CENSUS_LOOPS = 20;

function benchScreen(header: string): FlowScreen {
  return {
    screen: { slug: 'confirmation', fixed: { header, message: `${header}: a benchmark screen` }, variable: [] },
    name: header,
    allowed_triggers: [REQUEUE_FLOW],
    flags: flowScreenFlags(31),
    rules: { trigger: null, peek: null },
  };
}

const EMPTY_OBJECT_SCHEMA = { type: 'object', properties: {}, additionalProperties: false, example: {} };

function benchFlow(slug: string, headers: string[]) {
  return {
    slug,
    name: slug,
    description: null,
    clientSchema: EMPTY_OBJECT_SCHEMA,
    serverSchema: EMPTY_OBJECT_SCHEMA,
    replaces: false,
    screens: headers.map(benchScreen),
    rules: [],
    flags: ALL_FLOW_FLAGS,
  };
}

interface BenchUser extends FloorUser {
  sub: string;
}

/**
 * The two flows, then `count` users, each with a user token and the start flow queued, through
 * the project's own services in this process (the server under test is not involved yet).
 */
async function createUsers(env: BenchEnvironment, count: number): Promise<Omit<BenchUser, 'visitor'>[]> {
  const runtime = await bootRuntime(loadConfig(env.serverEnv, { log: () => {} }), createLogger('silent'), { verify: false });
  try {
    await insertMissingClientFlows(
      (text, params) => runtime.app.db.query(text, params),
      [benchFlow(START_FLOW, ['First', 'Second', 'Third', 'Fourth']), benchFlow(REQUEUE_FLOW, [REQUEUE_HEADER])],
      Date.now() / 1000,
    );
    const users: Omit<BenchUser, 'visitor'>[] = [];
    for (let i = 0; i < count; i++) {
      const sub = `oseh_u_bench_${String(i).padStart(3, '0')}`;
      await createUser(runtime.app, { sub, givenName: `Bench ${i}` });
      const token = await issueUserToken(runtime.app, sub, { name: 'bench' });
      await triggerForUser(runtime.app, {
        userSub: sub, slug: START_FLOW, platform: 'server', version: null, clientParameters: {}, serverParameters: {},
      });
      users.push({ sub, token });
    }
    return users;
  } finally {
    await runtime.stop();
  }
}

interface PeekBody {
  visitor: string;
  screen: { active: { slug: string; parameters: Record<string, unknown> }; active_jwt: string };
}

/**
 * Node's `http` with keep-alive sockets, one per virtual user: the load generator shares the two
 * cores with the server, and the global `fetch` spent 2–3× the CPU per request of this client
 * (measured on the same loop), which a closed-loop benchmark charges to the server's side.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post<T = PeekBody>(url: string, headers: Record<string, string>, body?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`));
        else {
          try {
            resolve(JSON.parse(text) as T);
          } catch (error) {
            reject(error);
          }
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The REST client of one virtual user. */
function restClient(baseUrl: string, user: { token: string; visitor?: string }) {
  const headers = (): Record<string, string> => ({
    authorization: `bearer ${user.token}`,
    ...(user.visitor === undefined ? {} : { visitor: user.visitor }),
  });
  return {
    peek: () => post(`${baseUrl}/api/1/users/me/screens/peek?${CLIENT_QUERY}`, headers()),
    async popWithTrigger(screenJwt: string): Promise<PeekBody> {
      const answer = await post(
        `${baseUrl}/api/1/users/me/screens/pop?${CLIENT_QUERY}`,
        { ...headers(), 'content-type': 'application/json; charset=utf-8' },
        JSON.stringify({ screen_jwt: screenJwt, trigger: { slug: REQUEUE_FLOW, parameters: {} } }),
      );
      // Anything else (desync, forbidden, error flows) means the server did not do the work timed.
      const header = answer.screen.active.parameters.header;
      if (header !== REQUEUE_HEADER) throw new Error(`pop answered screen "${String(header)}" instead of "${REQUEUE_HEADER}"`);
      return answer;
    },
  };
}

const GRAPHQL_SCREEN = 'visitor screen { active { slug parameters } activeJwt prefetch { slug parameters } }';
const GRAPHQL_PEEK = JSON.stringify({ query: `mutation { peekScreen(platform: IOS, version: 96) { ${GRAPHQL_SCREEN} } }` });
const GRAPHQL_POP = `mutation($jwt: String!) { popScreen(platform: IOS, version: 96, screenJwt: $jwt, trigger: { slug: "${REQUEUE_FLOW}", parameters: {} }) { ${GRAPHQL_SCREEN} } }`;

interface GraphQLScreenBody {
  data?: Record<string, { visitor: string; screen: { active: { slug: string; parameters: Record<string, unknown> }; activeJwt: string } }>;
  errors?: { message: string }[];
}

/** The same loop as `restClient`, over `POST /graphql` (the PeekScreen and PopScreen mutations). */
function graphqlClient(baseUrl: string, user: { token: string; visitor?: string }) {
  const headers = {
    authorization: `bearer ${user.token}`,
    'content-type': 'application/json',
    ...(user.visitor === undefined ? {} : { visitor: user.visitor }),
  };
  const send = async (body: string, field: string) => {
    const answer = await post<GraphQLScreenBody>(`${baseUrl}/graphql`, headers, body);
    const result = answer.data?.[field];
    if (result === undefined || answer.errors !== undefined) throw new Error(`GraphQL ${field}: ${JSON.stringify(answer.errors ?? answer).slice(0, 200)}`);
    // The REST answer's shape, so that one loop drives both transports.
    return { visitor: result.visitor, screen: { active: result.screen.active, active_jwt: result.screen.activeJwt } } satisfies PeekBody;
  };
  return {
    peek: () => send(GRAPHQL_PEEK, 'peekScreen'),
    async popWithTrigger(screenJwt: string) {
      const answer = await send(JSON.stringify({ query: GRAPHQL_POP, variables: { jwt: screenJwt } }), 'popScreen');
      const header = answer.screen.active.parameters.header;
      if (header !== REQUEUE_HEADER) throw new Error(`popScreen answered screen "${String(header)}" instead of "${REQUEUE_HEADER}"`);
      return answer;
    },
  };
}

/** `rest` and `graphql` are the server over each transport; `floor` is plain `pg`. */
type Side = 'rest' | 'graphql' | 'floor';


/** One virtual user's loop on either side: peek, then pop what was peeked with the trigger. */
type Driver = (recorder: Recorder) => (user: number) => Promise<void>;

function serverDriver(baseUrl: string, users: BenchUser[], transport: 'rest' | 'graphql'): Driver {
  const clients = users.map((user) => (transport === 'rest' ? restClient(baseUrl, user) : graphqlClient(baseUrl, user)));
  return (recorder) => async (user) => {
    const peeked = await recorder.measure('peek', () => clients[user].peek());
    if (peeked === undefined) return;
    await recorder.measure('pop', () => clients[user].popWithTrigger(peeked.screen.active_jwt));
  };
}

function floorDriver(pool: pg.Pool, users: BenchUser[]): Driver {
  return (recorder) => async (user) => {
    const front = await recorder.measure('peek', () => floorPeek(pool, users[user]));
    if (front === undefined) return;
    await recorder.measure('pop', () => floorPop(pool, users[user], front, REQUEUE_FLOW));
  };
}

interface PhaseResult {
  side: Side;
  concurrency: number;
  windowSeconds: number;
  ops: { op: string; perSecond: number; mean: number; p50: number; p99: number; errors: number; errorSamples: string[] }[];
  /** Completed peek+pop pairs per second. */
  loopsPerSecond: number;
  cpu: CpuSample;
}

/** One side at one concurrency, measured over several windows (rounds) that add up. */
class Phase {
  readonly recorder = new Recorder();
  private cpu: CpuSample;

  constructor(
    readonly side: Side,
    readonly concurrency: number,
    private readonly driver: Driver,
    private readonly serverPid: number | null,
  ) {
    this.cpu = { server: serverPid === null ? null : 0, postgres: 0, client: 0, machine: 0 };
  }

  async round(env: BenchEnvironment, plan: LoadPlan): Promise<void> {
    let before: CpuSample | undefined;
    await runLoad(plan, this.recorder, this.driver(this.recorder), {
      open: () => void (before = sampleCpu(env, this.serverPid)),
      close: () => void (this.cpu = addCpu(this.cpu, cpuBetween(before!, sampleCpu(env, this.serverPid)))),
    });
  }

  result(): PhaseResult {
    const seconds = this.recorder.windowSeconds;
    const ops = ['peek', 'pop'].map((op) => {
      const stats = this.recorder.stats.get(op);
      const latencies = stats?.latencies ?? [];
      return {
        op,
        perSecond: (stats?.count ?? 0) / seconds,
        mean: latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        errors: stats?.errors ?? 0,
        errorSamples: [...(stats?.errorSamples ?? [])],
      };
    });
    return {
      side: this.side,
      concurrency: this.concurrency,
      windowSeconds: seconds,
      ops,
      loopsPerSecond: (ops[0].perSecond + ops[1].perSecond) / 2,
      cpu: this.cpu,
    };
  }
}

// ---- statement census: what each side really sent to PostgreSQL, per operation ----

interface StatementCount {
  /**
   * pg_stat_statements' `queryid`: the two sides are matched on it, not on the text, which is the
   * raw one (constants not replaced) when a connection prepared the statement before the reset.
   */
  id: string;
  statement: string;
  perOp: number;
  /** Mean execution time inside PostgreSQL, ms. */
  meanMs: number;
}

const normalize = (query: string) => query.replace(/\s+/g, ' ').replace(/;$/, '').trim();

async function countStatements(admin: pg.Pool, ops: number, work: () => Promise<void>): Promise<StatementCount[]> {
  await admin.query('SELECT pg_stat_statements_reset()');
  await work();
  const { rows } = await admin.query<{ queryid: string; query: string; calls: string; total: number }>(
    `SELECT s.queryid::text AS queryid, s.query, s.calls, s.total_exec_time AS total
     FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname = current_database() AND s.query NOT LIKE '%pg_stat_statements%'`,
  );
  const merged = new Map<string, { statement: string; calls: number; total: number }>();
  for (const row of rows) {
    const entry = merged.get(row.queryid) ?? { statement: normalize(row.query), calls: 0, total: 0 };
    entry.calls += Number(row.calls);
    entry.total += row.total;
    merged.set(row.queryid, entry);
  }
  return [...merged].map(([id, { statement, calls, total }]) => ({ id, statement, perOp: calls / ops, meanMs: total / calls }));
}

interface Census {
  op: 'peek' | 'pop';
  server: StatementCount[];
  floor: StatementCount[];
}

/** Sequential peeks, then sequential pops, on one user for each side; statements per operation. */
async function statementCensus(env: BenchEnvironment, baseUrl: string, pool: pg.Pool, user: BenchUser): Promise<Census[]> {
  const client = restClient(baseUrl, user);
  const repeat = async (work: () => Promise<unknown>) => {
    for (let i = 0; i < CENSUS_LOOPS; i++) await work();
  };
  const serverPeek = await countStatements(env.admin, CENSUS_LOOPS, () => repeat(() => client.peek()));
  let jwt = (await client.peek()).screen.active_jwt;
  const serverPop = await countStatements(env.admin, CENSUS_LOOPS, () =>
    repeat(async () => (jwt = (await client.popWithTrigger(jwt)).screen.active_jwt)),
  );
  const floorPeekCount = await countStatements(env.admin, CENSUS_LOOPS, () => repeat(() => floorPeek(pool, user)));
  let front = await floorPeek(pool, user);
  const floorPopCount = await countStatements(env.admin, CENSUS_LOOPS, () =>
    repeat(async () => (front = await floorPop(pool, user, front, REQUEUE_FLOW))),
  );
  return [
    { op: 'peek', server: serverPeek, floor: floorPeekCount },
    { op: 'pop', server: serverPop, floor: floorPopCount },
  ];
}

const totalPerOp = (counts: StatementCount[]) => counts.reduce((sum, c) => sum + c.perOp, 0);
const dbMsPerOp = (counts: StatementCount[]) => counts.reduce((sum, c) => sum + c.perOp * c.meanMs, 0);

function formatCensus(census: Census[]): string {
  const lines: string[] = [];
  for (const { op, server, floor } of census) {
    const find = (counts: StatementCount[], id: string) => counts.find((c) => c.id === id);
    const ids = [...new Set([...server, ...floor].map((c) => c.id))];
    const rows = ids
      .map((id) => ({ s: find(server, id), f: find(floor, id) }))
      .map(({ s, f }) => ({ statement: s?.statement ?? f?.statement ?? '', s, f }))
      .sort((a, b) => (b.s?.meanMs ?? 0) - (a.s?.meanMs ?? 0))
      .map(({ statement, s, f }) => [
        fixed(s?.perOp ?? 0), fixed(f?.perOp ?? 0), fixed((s?.meanMs ?? 0) * 1000, 0), fixed((f?.meanMs ?? 0) * 1000, 0), statement.slice(0, 80),
      ]);
    lines.push(
      `${op}: ${fixed(totalPerOp(server))} statements per operation from the server, ${fixed(totalPerOp(floor))} from the floor; ` +
        `execution time inside PostgreSQL ${fixed(dbMsPerOp(server), 2)} ms vs ${fixed(dbMsPerOp(floor), 2)} ms`,
      formatTable(['server', 'floor', 'server µs', 'floor µs', `statement (per ${op}, 1 user, ${CENSUS_LOOPS} in a row)`], rows),
      '',
    );
  }
  return lines.join('\n');
}

function sameStatements(census: Census[]): boolean {
  const shape = (counts: StatementCount[]) =>
    counts.map((c) => `${c.id}×${fixed(c.perOp, 2)}`).sort().join('\n');
  return census.every(({ server, floor }) => shape(server) === shape(floor));
}

// ---- the benchmark ----

function formatPhases(phases: PhaseResult[]): string {
  const rows = phases.flatMap((phase) =>
    phase.ops.map((o) => [phase.side, o.op, phase.concurrency, fixed(o.perSecond, 0), fixed(o.mean, 2), fixed(o.p50, 2), fixed(o.p99, 2), o.errors]),
  );
  const cpuRows = phases.map((phase) => {
    const loops = phase.loopsPerSecond * phase.windowSeconds;
    const perLoop = (seconds: number | null) => (seconds === null ? '-' : fixed((seconds * 1000) / loops, 2));
    const ours = (phase.cpu.server ?? 0) + phase.cpu.postgres + phase.cpu.client;
    const percent = (seconds: number) => fixed((seconds / phase.windowSeconds) * 100, 0);
    return [
      phase.side, phase.concurrency, fixed(phase.loopsPerSecond, 0), fixed((phase.concurrency * 1000) / phase.loopsPerSecond, 2),
      perLoop(phase.cpu.server), perLoop(phase.cpu.postgres), perLoop(phase.cpu.client),
      percent(ours), percent(Math.max(0, phase.cpu.machine - ours)), `${cpus().length * 100}`,
    ];
  });
  return [
    formatTable(['side', 'op', 'users', 'req/s', 'mean ms', 'p50 ms', 'p99 ms', 'errors'], rows),
    '',
    'per peek+pop pair: CPU ms of each process per completed pair; CPU % of one core over the window',
    '(other: the rest of the machine, e.g. other work competing for the cores):',
    formatTable(
      ['side', 'users', 'pairs/s', 'ms/pair', 'server CPU', 'postgres CPU', 'bench CPU', 'ours %', 'other %', 'of %'],
      cpuRows,
    ),
  ].join('\n');
}

/** CPU seconds of every process of ours per completed pair: less sensitive to other load than time. */
const cpuPerPair = (phase: PhaseResult) =>
  ((phase.cpu.server ?? 0) + phase.cpu.postgres + phase.cpu.client) / (phase.loopsPerSecond * phase.windowSeconds);

/**
 * Server time over floor time per peek+pop pair at each concurrency (a closed loop: the
 * throughput ratio), with the ratio of CPU spent per pair beside it.
 */
function ratioLines(phases: PhaseResult[], goal: { ratio: number; concurrency: number }): string[] {
  const find = (side: Side, concurrency: number) => phases.find((p) => p.side === side && p.concurrency === concurrency);
  return [...new Set(phases.map((p) => p.concurrency))].map((concurrency) => {
    const floor = find('floor', concurrency)!;
    const [rest, graphql] = (['rest', 'graphql'] as const).map((side) => {
      const server = find(side, concurrency)!;
      return { ratio: floor.loopsPerSecond / server.loopsPerSecond, cpu: cpuPerPair(server) / cpuPerPair(floor) };
    });
    const notes = [...(concurrency === goal.concurrency ? [`goal ≤ ${goal.ratio}`] : []), `CPU per pair ${fixed(rest.cpu, 2)}×`];
    return (
      `peek+pop: server/floor = ${fixed(rest.ratio, 2)} at ${concurrency} user${concurrency === 1 ? '' : 's'} (${notes.join('; ')}); ` +
      `over GraphQL ${fixed(graphql.ratio, 2)} (CPU ${fixed(graphql.cpu, 2)}×)`
    );
  });
}

export const PEEK_POP_GOAL = { ratio: 1.5, concurrency: 64 };

export async function runPeekPopBenchmark(options: BenchOptions, print: (text: string) => void = console.log): Promise<BenchmarkResult> {
  const log = (line: string) => print(`  ${line}`);
  const userCount = Math.max(...options.concurrency);
  const rounds = options.rounds === 1 ? '' : ` in ${options.rounds} alternating rounds,`;
  print(
    `peek/pop benchmark: the server over REST and over GraphQL vs a plain-pg floor, ${userCount} users; per side and concurrency ` +
      `${options.durationMs / 1000} s measured${rounds} after ${options.warmupMs / 1000} s of warm-up`,
  );
  const [load1] = loadavg();
  if (load1 > 0.5) print(`  note: the machine's 1-minute load average is ${fixed(load1, 2)}: other work will skew the numbers`);
  const env = await startBenchEnvironment(log);
  let stopServer = async () => {};
  let pool: pg.Pool | undefined;
  try {
    const created = await createUsers(env, userCount);
    const profile = options.profileServerDir;
    const server = await spawnServer(env.serverEnv, profile === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`]);
    stopServer = server.stop;
    log(`server pid ${server.pid} on ${server.url}`);
    pool = createFloorPool(env.databaseUrl);

    // One peek each: the server issues the visitor that both sides then send back.
    const users: BenchUser[] = [];
    for (const user of created) users.push({ ...user, visitor: (await restClient(server.url, user).peek()).visitor });

    const census = await statementCensus(env, server.url, pool, users[0]);
    print('');
    print(formatCensus(census));
    if (!sameStatements(census)) print('WARNING: the floor does not run the same statements as the server: fix bench/floor.ts\n');

    // With --rounds above 1, server and floor alternate in shorter windows, so load that comes
    // and goes on the machine falls on both sides alike.
    const phases: PhaseResult[] = [];
    for (const concurrency of options.concurrency) {
      const sides = [
        new Phase('rest', concurrency, serverDriver(server.url, users, 'rest'), server.pid),
        new Phase('graphql', concurrency, serverDriver(server.url, users, 'graphql'), server.pid),
        new Phase('floor', concurrency, floorDriver(pool, users), null),
      ];
      const plan = { concurrency, warmupMs: options.warmupMs, durationMs: options.durationMs / options.rounds };
      for (let round = 0; round < options.rounds; round++) {
        for (const side of sides) await side.round(env, plan);
      }
      phases.push(...sides.map((side) => side.result()));
    }
    print(formatPhases(phases));
    const errors = phases.flatMap((phase) => phase.ops.flatMap((o) => o.errorSamples.map((e) => `${phase.side} ${o.op} at ${phase.concurrency}: ${e}`)));
    if (errors.length > 0) print(`\nerrors (samples):\n${errors.join('\n')}`);
    const summary = ratioLines(phases, PEEK_POP_GOAL);
    print('');
    for (const line of summary) print(line);
    return {
      name: 'peek-pop',
      summary,
      errors: phases.reduce((sum, phase) => sum + phase.ops.reduce((s, o) => s + o.errors, 0), 0),
    };
  } finally {
    await stopServer();
    if (options.profileServerDir !== null) print(`server CPU profile written to ${options.profileServerDir} (summarize: node dist/bench/cpu-profile.js FILE)`);
    await pool?.end();
    await env.stop();
  }
}

if (require.main === module) {
  runStandalone(() => runPeekPopBenchmark(parseBenchOptions(process.argv.slice(2))), { printSummary: false });
}
