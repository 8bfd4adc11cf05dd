import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSchemaSdl } from '../src/graphql/emit-schema';

describe('schema.graphql', () => {
  it('is the SDL the code emits (run `npm run schema` after changing the API)', async () => {
    const checkedIn = await readFile(join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(await renderSchemaSdl()).toBe(checkedIn);
  });
});
