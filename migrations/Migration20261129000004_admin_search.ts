import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes behind the admin searches (admin-api.md §3.7). Text keys are ordered byte-wise
 * (`COLLATE "C"`), as the search SQL orders and compares them, so the planner can walk them.
 */
export class Migration20261129000004_admin_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX client_flows_created_at_uid_index ON client_flows (created_at, uid COLLATE "C")`);
    this.addSql(`CREATE INDEX client_flows_name_slug_index ON client_flows (name COLLATE "C", slug COLLATE "C")`);
    this.addSql(`CREATE INDEX client_screens_name_slug_index ON client_screens (name COLLATE "C", slug COLLATE "C")`);
    this.addSql(`CREATE INDEX user_client_screens_log_user_created_uid_index ON user_client_screens_log (user_id, created_at DESC, uid COLLATE "C")`);
    this.addSql(`CREATE INDEX user_client_screens_log_created_uid_index ON user_client_screens_log (created_at, uid COLLATE "C")`);
    this.addSql(`CREATE INDEX user_client_screen_actions_log_log_created_uid_index
      ON user_client_screen_actions_log (user_client_screen_log_id, created_at, uid COLLATE "C")`);
  }

  override async down(): Promise<void> {
    for (const name of [
      'client_flows_created_at_uid_index', 'client_flows_name_slug_index', 'client_screens_name_slug_index',
      'user_client_screens_log_user_created_uid_index', 'user_client_screens_log_created_uid_index',
      'user_client_screen_actions_log_log_created_uid_index',
    ]) {
      this.addSql(`DROP INDEX IF EXISTS ${name}`);
    }
  }
}
