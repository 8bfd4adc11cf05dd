import { describe, expect, it } from 'vitest';
import { oneAtATime, type Sql } from './sql';

describe('oneAtATime', () => {
  it('sends the next statement only after the previous one settled, failures included', async () => {
    const log: string[] = [];
    let busy = false;
    const raw = (async (text: string) => {
      expect(busy).toBe(false);
      busy = true;
      log.push(`start ${text}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      busy = false;
      log.push(`end ${text}`);
      if (text === 'bad') throw new Error('bad statement');
      return [{ text }];
    }) as Sql;
    const sql = oneAtATime(raw);
    const results = await Promise.allSettled([sql('a'), sql('bad'), sql('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start bad', 'end bad', 'start c', 'end c']);
  });
});
