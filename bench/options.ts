import path from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Virtual users per phase, in order; the largest is also how many users are created. */
  concurrency: number[];
  warmupMs: number;
  /** Measured time per side and concurrency, split into `rounds` alternating windows. */
  durationMs: number;
  rounds: number;
  /** Where the server process writes a V8 CPU profile (`node --cpu-prof`), if anywhere. */
  profileServerDir: string | null;
  /** Idle `screenQueueChanged` subscribers held open on one instance (subscriptions benchmark). */
  subscribers: number;
  /** Queue change events per second published from another instance while they listen. */
  eventsPerSecond: number;
  /** Where the subscriptions benchmark writes the server's heap snapshots before and after opening them, if anywhere. */
  heapSnapshotDir: string | null;
}

/** What a benchmark hands back to `npm run bench`: its summary lines and how many requests failed. */
export interface BenchmarkResult {
  name: string;
  summary: string[];
  errors: number;
}

const USAGE =
  'options: [--concurrency 1,16,64] [--warmup SECONDS] [--duration SECONDS] [--rounds N] [--profile-server DIR] [--subscribers 10000] [--events-per-second 1000] [--heap-snapshot DIR]';

function positiveInteger(text: string | undefined, fallback: number, name: string): number {
  const value = Number(text ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive integer\n${USAGE}`);
  return value;
}

function seconds(text: string | undefined, fallback: number, name: string): number {
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number of seconds\n${USAGE}`);
  return value * 1000;
}

/** Defaults keep a whole run near one minute on two cores. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      concurrency: { type: 'string' },
      warmup: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      'profile-server': { type: 'string' },
      subscribers: { type: 'string' },
      'events-per-second': { type: 'string' },
      'heap-snapshot': { type: 'string' },
    },
    strict: true,
  });
  const concurrency = (values.concurrency ?? '1,16,64').split(',').map(Number);
  if (concurrency.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--concurrency takes positive integers\n${USAGE}`);
  const rounds = Number(values.rounds ?? 1);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds takes a positive integer\n${USAGE}`);
  return {
    concurrency,
    rounds,
    warmupMs: seconds(values.warmup, 2, 'warmup'),
    durationMs: seconds(values.duration, 5, 'duration'),
    profileServerDir: values['profile-server'] === undefined ? null : path.resolve(values['profile-server']),
    subscribers: positiveInteger(values.subscribers, 10_000, 'subscribers'),
    eventsPerSecond: positiveInteger(values['events-per-second'], 1000, 'events-per-second'),
    heapSnapshotDir: values['heap-snapshot'] === undefined ? null : path.resolve(values['heap-snapshot']),
  };
}
