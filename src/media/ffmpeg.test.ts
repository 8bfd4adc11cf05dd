import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, type FfmpegConfig } from '../config/config';
import { isProcessAlive } from '../infra/processes';
import { checkFfmpegTools, runTool, ToolFailure } from './ffmpeg';

/** Running the tools, with shell scripts standing in for ffmpeg (the real one is exercised in test/media). */

const dir = mkdtempSync(path.join(tmpdir(), 'clientflows-ffmpeg-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

const tools = (ffmpegPath: string, ffprobePath = '/bin/true'): FfmpegConfig => ({ ffmpegPath, ffprobePath, preset: 'ultrafast', timeoutSeconds: 5 });
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error as Error);

describe('runTool', () => {
  it('passes arguments verbatim (no shell) and returns stdout when asked', async () => {
    const echo = script('echo-args', 'for a in "$@"; do printf "[%s]" "$a"; done');
    expect(await runTool('tool', echo, ['a b', '$HOME', ';rm -rf /'], { timeoutMs: 5000, stdout: true })).toEqual({ stdout: '[a b][$HOME][;rm -rf /]' });
  });

  it('a failure carries the last stderr line, with the given directory removed from it', async () => {
    const failing = script('fail', `echo "first line" >&2\necho "${dir}/source: Invalid data found when processing input" >&2\nexit 1`);
    const error = await failure(runTool('ffprobe', failing, [], { timeoutMs: 5000, redact: dir }));
    expect(error).toBeInstanceOf(ToolFailure);
    expect(error.message).toBe('ffprobe failed: source: Invalid data found when processing input');
    expect((await failure(runTool('ffmpeg', script('silent-fail', 'exit 3'), [], { timeoutMs: 5000 }))).message).toBe('ffmpeg failed: exit code 3');
  });

  it('kills the process on timeout and on abort', async () => {
    const pidFile = path.join(dir, 'pid');
    const sleeper = script('sleeper', `echo $$ > ${pidFile}\nexec sleep 30`);
    const timedOut = await failure(runTool('ffmpeg', sleeper, [], { timeoutMs: 300 }));
    expect(timedOut.message).toBe('ffmpeg failed: timed out after 0.3 s');
    expect(isProcessAlive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);

    const abort = new AbortController();
    const running = failure(runTool('ffmpeg', sleeper, [], { timeoutMs: 10_000, signal: abort.signal }));
    setTimeout(() => abort.abort(), 200);
    expect((await running).name).toBe('AbortError');
    expect(isProcessAlive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
    // Already aborted: not even started.
    expect((await failure(runTool('ffmpeg', sleeper, [], { timeoutMs: 10_000, signal: abort.signal }))).name).toBe('AbortError');
  });

  it('a binary that does not exist is a ToolFailure', async () => {
    expect(await failure(runTool('ffmpeg', path.join(dir, 'missing'), [], { timeoutMs: 5000 }))).toBeInstanceOf(ToolFailure);
  });
});

describe('checkFfmpegTools (boot)', () => {
  const encoders = (...names: string[]) => script(`ffmpeg-${names.join('-') || 'none'}`, `cat <<'EOF'\nEncoders:\n V..... = Video\n ------\n${names.map((n) => ` ${n === 'aac' ? 'A' : 'V'}....D ${n.padEnd(20)} description`).join('\n')}\nEOF`);

  it('accepts tools that run with both encoders', async () => {
    await expect(checkFfmpegTools(tools(encoders('libx264', 'aac')))).resolves.toBeUndefined();
  });

  it('refuses an ffmpeg that does not run, lacks an encoder, or an ffprobe that does not run', async () => {
    const notRunning = await failure(checkFfmpegTools(tools('/bin/false')));
    expect(notRunning).toBeInstanceOf(ConfigError);
    expect(notRunning.message).toBe('FFMPEG_PATH=/bin/false does not run: exit code 1');
    expect((await failure(checkFfmpegTools(tools(encoders('aac'))))).message).toMatch(/^FFMPEG_PATH=.* has no libx264 encoder \(the video ladder encodes H\.264 with it\)$/);
    expect((await failure(checkFfmpegTools(tools(encoders('libx264'))))).message).toMatch(/has no aac encoder/);
    expect((await failure(checkFfmpegTools(tools(encoders('libx264', 'aac'), '/bin/false')))).message).toBe('FFPROBE_PATH=/bin/false does not run: exit code 1');
  });
});
