import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildGraphQLSchema } from './schema';

/** The SDL checked in as `schema.graphql` (sorted, so diffs show real changes only). */
export async function renderSchemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildGraphQLSchema()))}\n`;
}

/** `npm run schema`: rewrites schema.graphql at the repository root. */
if (require.main === module || process.argv[1]?.endsWith('emit-schema.js')) {
  renderSchemaSdl().then((sdl) => {
    const root = join(__dirname, '..', '..', '..');
    writeFileSync(join(root, 'schema.graphql'), sdl);
    console.log('wrote schema.graphql');
  });
}
