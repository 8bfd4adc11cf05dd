import { Migration } from '@mikro-orm/migrations';
import { STARTER_SCREENS } from '../src/content/screens';
import { upsertClientScreens } from '../src/db/seed';

/**
 * Starter screens stored before their `x-processor.job` values became the processor registry's
 * job names (screens-and-media.md §3.2) named `process_<list>` jobs, which uploads refuse.
 * Re-seeding them by slug fixes the stored schemas; on a new database it changes nothing.
 */
export class Migration20261129000008_screen_processor_names extends Migration {
  override async up(): Promise<void> {
    await upsertClientScreens((sql, params) => this.execute(sql, params), STARTER_SCREENS);
  }

  override async down(): Promise<void> {
    // The old job names were never valid upload jobs; nothing to restore.
  }
}
