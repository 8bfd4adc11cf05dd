import 'reflect-metadata';
import { runContentLadderBenchmark } from './content-ladder';
import { exitOnSignals } from './harness';
import { runMediaRealizationBenchmark } from './media';
import { runMediaProcessingBenchmark } from './media-processing';
import { parseBenchOptions, type BenchmarkResult, type BenchOptions } from './options';
import { runPeekPopBenchmark } from './peek-pop';
import { runStatsBenchmark } from './stats';
import { runSubscriptionBenchmark } from './subscriptions';

/** Every benchmark, in the order `npm run bench` runs them. */
const BENCHMARKS: ((options: BenchOptions) => Promise<BenchmarkResult>)[] = [
  runPeekPopBenchmark,
  runStatsBenchmark,
  runSubscriptionBenchmark,
  runMediaRealizationBenchmark,
  runMediaProcessingBenchmark,
  runContentLadderBenchmark,
];

async function main(): Promise<void> {
  exitOnSignals();
  const options = parseBenchOptions(process.argv.slice(2));
  const results: BenchmarkResult[] = [];
  for (const benchmark of BENCHMARKS) {
    results.push(await benchmark(options));
    console.log('');
  }
  console.log('summary:');
  for (const result of results) {
    for (const line of result.summary) console.log(`  ${line}`);
    if (result.errors > 0) console.log(`  ${result.name}: ${result.errors} failed requests, so its numbers are suspect`);
  }
  if (results.some((result) => result.errors > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
