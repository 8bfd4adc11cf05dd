import type { JobProgress } from './job';

const BAR_WIDTH = 30;
/** Plain-line mode prints at most this often, plus the last line. */
const LINE_INTERVAL_MS = 1000;

/**
 * Progress of a job run from the CLI: a bar redrawn in place when `stream` is a terminal, plain
 * `name: done/total` lines (at most one a second, and a last one) otherwise, e.g. in cron logs.
 */
export function streamProgress(name: string, stream: NodeJS.WritableStream & { isTTY?: boolean }, clock: () => number = Date.now) {
  let total: number | null = null;
  let done = 0;
  let lastLine = -Infinity;
  let drawn = false;
  const text = () => (total === null ? `${done}` : `${done}/${total}`);
  const render = (final: boolean) => {
    if (stream.isTTY) {
      const ratio = total === null || total === 0 ? (final ? 1 : 0) : Math.min(1, done / total);
      const filled = Math.round(ratio * BAR_WIDTH);
      stream.write(`\r${name} [${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${text()}${final ? '\n' : ''}`);
      drawn = !final;
    } else if (final || clock() - lastLine >= LINE_INTERVAL_MS) {
      stream.write(`${name}: ${text()}${final ? ' done' : ''}\n`);
      lastLine = clock();
    }
  };
  const progress: JobProgress & { finish(): void } = {
    total(units) {
      total = units;
      render(false);
    },
    advance(units = 1) {
      done += units;
      render(false);
    },
    finish() {
      if (drawn || !stream.isTTY) render(true);
    },
  };
  return progress;
}
