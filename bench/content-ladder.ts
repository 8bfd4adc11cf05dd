import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../src/config/config';
import { findProcessor, type ContentProcessor } from '../src/domain/media/processors';
import { findExecutable } from '../src/infra/processes';
import { createLogger } from '../src/lib/log';
import { processContent } from '../src/media/content-processor';
import { sha512Hex } from '../src/media/processing';
import { bootRuntime } from '../src/runtime';
import { exitOnSignals, startBenchEnvironment } from './harness';
import type { BenchmarkResult } from './options';

const run = promisify(execFile);

/**
 * Content ladder time (screens-and-media.md §3.5.4) for short clips, in process: a 10-second
 * 44.1 kHz tone through `audio_interstitial` (8 mp4 + 8 HLS exports) and a 2-second 1920×1080
 * 30 fps clip through `video_interstitial` (36 renditions × mp4 + HLS) with the x264 preset of
 * `FFMPEG_PRESET` (default here `veryfast`, the server's default `slow` takes minutes on two
 * cores). Skipped, saying so, without an ffmpeg on PATH.
 */
export async function runContentLadderBenchmark(): Promise<BenchmarkResult> {
  const print = (line: string) => console.log(line);
  const ffmpeg = findExecutable('ffmpeg');
  if (ffmpeg === null) {
    print('content ladder benchmark: skipped, no ffmpeg on PATH');
    return { name: 'content-ladder', summary: ['content-ladder: skipped (no ffmpeg on PATH)'], errors: 0 };
  }
  const preset = process.env.FFMPEG_PRESET ?? 'veryfast';
  print(`content ladder benchmark: a 10 s tone and a 2 s 1920x1080 30 fps clip, x264 preset ${preset}`);
  const scratch = await mkdtemp(path.join(tmpdir(), 'clientflows-bench-ladder-'));
  const env = await startBenchEnvironment(() => {});
  const config = loadConfig({ ...env.serverEnv, JOB_SCHEDULER: 'off', FFMPEG_PATH: ffmpeg, FFMPEG_PRESET: preset }, { log: () => {} });
  const runtime = await bootRuntime(config, createLogger('warn'), { verify: false });
  try {
    const lavfi = async (name: string, inputs: string[], options: string[]) => {
      const out = path.join(scratch, name);
      await run(ffmpeg, ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...inputs.flatMap((i) => ['-f', 'lavfi', '-i', i]), ...options, out]);
      return readFile(out);
    };
    const audio = await lavfi('tone.m4a', ['sine=frequency=440:duration=10'], ['-c:a', 'aac']);
    const video = await lavfi('clip.mp4', ['testsrc2=size=1920x1080:rate=30:duration=2', 'sine=frequency=220:duration=2'], ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest']);
    const lines: string[] = [];
    for (const [job, bytes, label] of [
      ['runners.screens.audio_interstitial_process_audio', audio, '10 s audio'],
      ['runners.screens.video_interstitial_process_video', video, `2 s 1920x1080 video (${preset})`],
    ] as const) {
      const sha = sha512Hex(bytes);
      const start = process.hrtime.bigint();
      const outcome = await processContent(runtime.app, findProcessor(job) as ContentProcessor, {
        bytes, sha512: sha, uploadSha512: sha, name: 'bench', uploadedBySub: null, dynamicSize: null,
      });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (!outcome.ok) throw new Error(`${label}: ${outcome.reason}`);
      lines.push(`content-ladder: ${label} ${(ms / 1000).toFixed(1)} s for ${outcome.exportsAdded} exports`);
      print(`  ${lines.at(-1)}`);
    }
    return { name: 'content-ladder', summary: lines, errors: 0 };
  } finally {
    await runtime.stop();
    await env.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  exitOnSignals();
  runContentLadderBenchmark().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
