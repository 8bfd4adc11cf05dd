import { spawn } from 'node:child_process';
import type { FfmpegConfig } from '../config/config';
import { ConfigError } from '../config/errors';
import { readProbe, UNKNOWN_CONTAINER, type ProbeReading } from '../domain/media/probe';
import { findExecutable, OutputTail } from '../infra/processes';

/**
 * Running ffmpeg and ffprobe: argument arrays (never a shell), a timeout, and an abort signal
 * (server shutdown) that kills the child. On Linux the child also gets a parent-death signal, so
 * a crashed or SIGKILLed server does not leave encoders running.
 */

/** A tool ran but did not do its job; `reason` is its last error line (or the timeout). */
export class ToolFailure extends Error {
  override name = 'ToolFailure';
  constructor(readonly tool: string, readonly reason: string) {
    super(`${tool} failed: ${reason}`);
  }
}

const STDOUT_LIMIT = 8 * 1024 * 1024;
let setprivPath: string | null | undefined;

export interface ToolRun {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Collect stdout (ffprobe's JSON); otherwise it is discarded. */
  stdout?: boolean;
  /** Text removed from error lines (the temporary directory: admins need the message, not our paths). */
  redact?: string;
}

export function runTool(tool: string, binary: string, args: readonly string[], run: ToolRun): Promise<{ stdout: string }> {
  if (run.signal?.aborted) return Promise.reject(run.signal.reason as Error);
  setprivPath ??= process.platform === 'linux' ? findExecutable('setpriv') : null;
  const [command, argv] = setprivPath ? [setprivPath, ['--pdeathsig', 'SIGKILL', binary, ...args]] : [binary, [...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ['ignore', run.stdout ? 'pipe' : 'ignore', 'pipe'] });
    const tail = new OutputTail(20);
    const out: Buffer[] = [];
    let outBytes = 0;
    let failure: Error | null = null;
    const kill = (error: Error) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > STDOUT_LIMIT) kill(new ToolFailure(tool, 'printed more output than expected'));
      else out.push(chunk);
    });
    child.stderr!.on('data', (chunk: Buffer) => tail.push(chunk.toString('utf8')));
    const timer = setTimeout(() => kill(new ToolFailure(tool, `timed out after ${run.timeoutMs / 1000} s`)), run.timeoutMs);
    const onAbort = () => kill(run.signal!.reason as Error);
    run.signal?.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    const finish = (error: Error | null, stdout = '') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
      if (error === null) resolve({ stdout });
      else reject(error);
    };
    // A binary that cannot be started reports here (and may never emit 'close').
    child.once('error', (error) => finish(failure ?? new ToolFailure(tool, error.message)));
    child.once('close', (code, signal) => {
      if (failure !== null) return finish(failure);
      if (code === 0) return finish(null, Buffer.concat(out).toString('utf8'));
      let last = tail.toString().split('\n').at(-1)?.trim() || (signal ? `killed by ${signal}` : `exit code ${code}`);
      if (run.redact) last = last.split(`${run.redact}/`).join('').split(run.redact).join('');
      finish(new ToolFailure(tool, last));
    });
  });
}

/** ffprobe's facts about `file`, or why it is not a source the ladder takes. */
export async function probeMedia(tools: FfmpegConfig, file: string, options: { signal?: AbortSignal; redact?: string } = {}): Promise<ProbeReading> {
  let stdout: string;
  try {
    ({ stdout } = await runTool('ffprobe', tools.ffprobePath, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], {
      timeoutMs: tools.timeoutSeconds * 1000,
      stdout: true,
      ...options,
    }));
  } catch (error) {
    if (error instanceof ToolFailure) return { ok: false, reason: `${UNKNOWN_CONTAINER} (${error.reason})` };
    throw error;
  }
  try {
    return readProbe(JSON.parse(stdout));
  } catch {
    return { ok: false, reason: `${UNKNOWN_CONTAINER} (ffprobe printed no JSON)` };
  }
}

/** ffmpeg with the options every run shares: no stdin, errors only on stderr, overwrite outputs. */
export function runFfmpeg(tools: FfmpegConfig, args: readonly string[], options: { signal?: AbortSignal; redact?: string } = {}): Promise<void> {
  return runTool('ffmpeg', tools.ffmpegPath, ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args], {
    timeoutMs: tools.timeoutSeconds * 1000,
    ...options,
  }).then(() => undefined);
}

const CHECK_TIMEOUT_MS = 15_000;
/** `ffmpeg -encoders` lines: flags (type letter first), the encoder name, a description. */
const hasEncoder = (list: string, type: 'V' | 'A', name: string) => new RegExp(`^\\s*${type}[A-Z.]{5}\\s+${name}\\s`, 'm').test(list);

/**
 * Startup check when `FFMPEG_PATH` is set: both tools run, and ffmpeg has the two encoders the
 * ladder uses (a build without libx264 would fail every video upload). Throws ConfigError.
 */
export async function checkFfmpegTools(tools: FfmpegConfig): Promise<void> {
  let encoders: string;
  try {
    encoders = (await runTool('ffmpeg', tools.ffmpegPath, ['-hide_banner', '-encoders'], { timeoutMs: CHECK_TIMEOUT_MS, stdout: true })).stdout;
  } catch (error) {
    throw new ConfigError(`FFMPEG_PATH=${tools.ffmpegPath} does not run: ${error instanceof ToolFailure ? error.reason : (error as Error).message}`);
  }
  for (const [type, name, use] of [['V', 'libx264', 'the video ladder encodes H.264'], ['A', 'aac', 'every rendition encodes AAC']] as const) {
    if (!hasEncoder(encoders, type, name)) throw new ConfigError(`FFMPEG_PATH=${tools.ffmpegPath} has no ${name} encoder (${use} with it)`);
  }
  try {
    await runTool('ffprobe', tools.ffprobePath, ['-version'], { timeoutMs: CHECK_TIMEOUT_MS });
  } catch (error) {
    throw new ConfigError(`FFPROBE_PATH=${tools.ffprobePath} does not run: ${error instanceof ToolFailure ? error.reason : (error as Error).message}`);
  }
}
