import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { areaOf } from './cpu-profile';
import { formatTable, percentile, Recorder, runLoad } from './load';

describe('percentile', () => {
  it('takes the nearest rank of unsorted values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 10)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('Recorder', () => {
  it('counts only operations that complete while a window is open, and adds windows up', async () => {
    const recorder = new Recorder();
    await recorder.measure('op', async () => 1); // before any window
    recorder.open();
    const slow = recorder.measure('op', () => delay(200)); // completes after close: not counted
    await recorder.measure('op', async () => 2);
    await recorder.measure('op', async () => {
      throw new Error('boom');
    });
    await delay(5);
    recorder.close();
    await slow;
    recorder.open();
    await recorder.measure('op', async () => 3);
    recorder.close();

    const stats = recorder.stats.get('op')!;
    expect(stats.count).toBe(2);
    expect(stats.errors).toBe(1);
    expect([...stats.errorSamples]).toEqual(['boom']);
    // The 5 ms wait, less a millisecond: Node's timers round to whole ms and may fire up to one early on performance.now()'s clock.
    expect(recorder.windowSeconds).toBeGreaterThanOrEqual(0.004);
    expect(recorder.windowSeconds).toBeLessThan(0.15); // the 200 ms gap between the windows is not counted
  });
});

describe('runLoad', () => {
  it('runs every user in a closed loop until the window closes, then waits for them', async () => {
    const recorder = new Recorder();
    const seen = new Set<number>();
    let inFlight = 0;
    let maxInFlight = 0;
    await runLoad({ concurrency: 3, warmupMs: 10, durationMs: 30 }, recorder, async (user) => {
      seen.add(user);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await recorder.measure('step', () => delay(2));
      inFlight--;
    });
    expect([...seen].sort()).toEqual([0, 1, 2]);
    expect(maxInFlight).toBe(3);
    expect(inFlight).toBe(0);
    expect(recorder.stats.get('step')!.count).toBeGreaterThan(3);
  });
});

describe('formatTable', () => {
  it('pads text columns on the right and numeric columns on the left', () => {
    expect(formatTable(['side', 'req/s'], [['server', 5], ['floor', 120]])).toBe(
      ['side    req/s', 'server      5', 'floor     120'].join('\n'),
    );
  });
});

describe('areaOf', () => {
  it('names the package, the src directory or the Node module a frame belongs to', () => {
    expect(areaOf('file:///x/node_modules/@mikro-orm/core/index.js', 'f')).toBe('@mikro-orm/core');
    expect(areaOf('/x/node_modules/pg/lib/client.js', 'f')).toBe('pg');
    expect(areaOf('/work/main/dist/src/domain/engine/pop.js', 'pop')).toBe('src/domain');
    expect(areaOf('node:internal/crypto/util', 'f')).toBe('node:internal');
    expect(areaOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(areaOf('', 'writeBuffer')).toBe('(native)');
  });
});
