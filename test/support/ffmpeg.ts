import { locateOrInstall, machineHost } from '../../src/infra/debian-package';
import { findExecutable } from '../../src/infra/processes';

/**
 * ffmpeg for the content-ladder tests, found like redis-server: on PATH, else installed from
 * Debian when the run is root. Otherwise those tests fail with `problem` (never skip silently).
 */
export interface TestFfmpeg {
  ffmpegPath: string | null;
  ffprobePath: string | null;
  problem: string | null;
}

export const FFMPEG_INSTALL_HINT = 'ffmpeg is not installed: run `apt-get install ffmpeg` (as root) to run the content ladder tests';

export async function locateTestFfmpeg(log: (line: string) => void): Promise<TestFfmpeg> {
  try {
    const ffmpegPath = await locateOrInstall({
      binary: 'ffmpeg', pkg: 'ffmpeg', hint: FFMPEG_INSTALL_HINT, unavailable: (message) => new Error(message), log, host: machineHost('ffmpeg'),
    });
    const ffprobePath = findExecutable('ffprobe');
    if (ffprobePath === null) return { ffmpegPath, ffprobePath, problem: `ffprobe is missing beside ${ffmpegPath}: ${FFMPEG_INSTALL_HINT}` };
    return { ffmpegPath, ffprobePath, problem: null };
  } catch (error) {
    return { ffmpegPath: null, ffprobePath: null, problem: (error as Error).message };
  }
}
