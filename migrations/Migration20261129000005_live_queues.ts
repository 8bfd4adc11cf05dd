import { Migration } from '@mikro-orm/migrations';

/**
 * Live queues: a per-user counter of committed queue changes, bumped under the user's queue lock
 * and carried by the `screenQueueChanged` events so clients can drop duplicates and stale ones.
 */
export class Migration20261129000005_live_queues extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE users ADD COLUMN queue_version integer NOT NULL DEFAULT 0`);
  }

  override async down(): Promise<void> {
    this.addSql(`ALTER TABLE users DROP COLUMN queue_version`);
  }
}
