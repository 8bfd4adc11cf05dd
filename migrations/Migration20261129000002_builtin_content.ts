import { Migration } from '@mikro-orm/migrations';
import { STARTER_SCREENS } from '../src/content/screens';
import { SPECIAL_FLOW_SEEDS } from '../src/content/special-flows';
import { insertMissingClientFlows, upsertClientScreens } from '../src/db/seed';

/** The starter screen catalogue and the special flows the engine fires (queue-engine.md §10). */
export class Migration20261129000002_builtin_content extends Migration {
  override async up(): Promise<void> {
    const execute = (sql: string, params: unknown[]) => this.execute(sql, params);
    await upsertClientScreens(execute, STARTER_SCREENS);
    await insertMissingClientFlows(execute, SPECIAL_FLOW_SEEDS, Date.now() / 1000);
  }

  override async down(): Promise<void> {
    // Built-in content is data the rest of the system depends on; it is removed with the tables.
  }
}
