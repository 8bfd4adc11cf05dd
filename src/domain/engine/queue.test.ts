import { describe, expect, it } from 'vitest';
import { diffQueue, prefetchRows } from './queue';
import { queuedRow, screenDef } from './testing';

const s = screenDef('s');
const row = (uid: string, outerCounter: number, innerCounter: number) => queuedRow(uid, s, { outerCounter, innerCounter });

describe('prefetchRows (queue-engine.md §6.1)', () => {
  it('takes at most 3 rows of the front batch, in queue order', () => {
    const q = [row('a', 2, 0), row('b', 2, 1), row('c', 2, 2), row('d', 2, 3), row('e', 2, 4), row('x', 1, 0)];
    expect(prefetchRows(q).map((r) => r.uid)).toEqual(['b', 'c', 'd']);
  });

  it('never includes rows of an older batch', () => {
    expect(prefetchRows([row('a', 3, 0), row('b', 3, 2), row('c', 2, 0)]).map((r) => r.uid)).toEqual(['b']);
    expect(prefetchRows([row('a', 3, 0), row('c', 2, 1)])).toEqual([]);
    expect(prefetchRows([])).toEqual([]);
  });
});

describe('diffQueue', () => {
  it('reports removed and new rows by uid', () => {
    const [a, b, c, d] = [row('a', 1, 0), row('b', 1, 1), row('c', 2, 0), row('d', 2, 1)];
    expect(diffQueue([a, b], [c, d, b])).toEqual({ deleted: [a], inserted: [c, d] });
    expect(diffQueue([a, b], [a, b])).toEqual({ deleted: [], inserted: [] });
  });
});
