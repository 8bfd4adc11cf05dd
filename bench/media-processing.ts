import 'reflect-metadata';
import sharp from 'sharp';
import { loadConfig } from '../src/config/config';
import { findProcessor, type ImageProcessor } from '../src/domain/media/processors';
import { processImage } from '../src/media/image-processor';
import { sha512Hex } from '../src/media/processing';
import { createLogger } from '../src/lib/log';
import { bootRuntime } from '../src/runtime';
import { exitOnSignals, startBenchEnvironment } from './harness';
import type { BenchmarkResult } from './options';

const IMAGES = 5;

/** A distinct 2052x1290 PNG per seed (a gradient with a seed-dependent channel). */
async function sourceImage(seed: number): Promise<Buffer> {
  const width = 2052;
  const height = 1290;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = (seed * 53 + x * 3 + y) & 0xff;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/**
 * Processing time per image for `image_interstitial` (issue 7): the whole pipeline of
 * screens-and-media.md §3.5.1 in process (decode, 4 sizes × jpeg + webp with thumbhashes, the
 * stored files, one registering transaction) for distinct 2052x1290 PNGs, then the dedupe path
 * (the same bytes again: nothing encoded, the list row touched).
 */
export async function runMediaProcessingBenchmark(): Promise<BenchmarkResult> {
  const print = (line: string) => console.log(line);
  print(`media processing benchmark: ${IMAGES} distinct 2052x1290 PNGs through image_interstitial, then one repeat`);
  const env = await startBenchEnvironment(() => {});
  const runtime = await bootRuntime(loadConfig({ ...env.serverEnv, JOB_SCHEDULER: 'off' }, { log: () => {} }), createLogger('warn'), { verify: false });
  try {
    const app = runtime.app;
    const processor = findProcessor('runners.screens.image_interstitial_process_image') as ImageProcessor;
    const times: number[] = [];
    let first: Buffer | null = null;
    for (let seed = 0; seed < IMAGES; seed++) {
      const bytes = await sourceImage(seed);
      first ??= bytes;
      const sha = sha512Hex(bytes);
      const start = process.hrtime.bigint();
      const outcome = await processImage(app, processor, { bytes, sha512: sha, uploadSha512: sha, name: 'bench', uploadedBySub: null, dynamicSize: null });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (!outcome.ok || outcome.exportsAdded !== 8) throw new Error(`unexpected outcome ${JSON.stringify(outcome)}`);
    }
    const sha = sha512Hex(first!);
    const start = process.hrtime.bigint();
    const repeat = await processImage(app, processor, { bytes: first!, sha512: sha, uploadSha512: sha, name: 'bench', uploadedBySub: null, dynamicSize: null });
    const repeatMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (!repeat.ok || repeat.listRow !== 'touched') throw new Error('the repeat was not deduplicated');
    const sorted = [...times].sort((a, b) => a - b);
    print(`  per image: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    const line = `media: image_interstitial processing median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms per 2052x1290 PNG (8 exports + thumbhashes), dedupe repeat ${repeatMs.toFixed(0)} ms`;
    print(`  ${line}`);
    return { name: 'media-processing', summary: [line], errors: 0 };
  } finally {
    await runtime.stop();
    await env.stop();
  }
}

if (require.main === module) {
  exitOnSignals();
  runMediaProcessingBenchmark().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
