import { describe, expect, it } from 'vitest';
import { oneAtATime, prepared, sqlOn, type Queryable, type Sql } from './sql';

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

describe('prepared', () => {
  it('sends marked texts as named statements, one stable name per text, and others unnamed', async () => {
    const sent: unknown[] = [];
    const queryable = { query: async (config: unknown, values?: unknown[]) => {
      sent.push(values === undefined ? config : { text: config, values });
      return { rows: [] };
    } } as unknown as Queryable;
    const sql = sqlOn(queryable);
    const hot = prepared('SELECT ? AS a, \\? AS b -- sql.test hot');
    const other = prepared('SELECT ? -- sql.test other');
    await sql(hot, [1]);
    await sql(hot, [2]);
    await sql(other, [3]);
    await sql('SELECT ? -- sql.test plain', [4]);
    const [first, second, third, fourth] = sent as { name?: string; text: string; values: unknown[] }[];
    expect(first).toEqual({ name: expect.stringMatching(/^cf_\d+$/), text: 'SELECT $1 AS a, ? AS b -- sql.test hot', values: [1] });
    expect(second).toEqual({ ...first, values: [2] });
    expect(third.name).toMatch(/^cf_\d+$/);
    expect(third.name).not.toBe(first.name);
    expect(fourth).toEqual({ text: 'SELECT $1 -- sql.test plain', values: [4] });
    expect(prepared(hot)).toBe(hot);
    await sql(hot, [5]);
    expect((sent[4] as { name: string }).name).toBe(first.name);
  });
});
