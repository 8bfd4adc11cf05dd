import { Migration } from '@mikro-orm/migrations';

/**
 * Admin write side (admin-api.md §6.6, ours): an append-only audit record of every admin change
 * to a flow, and of test_flow runs on another user's queue. Admins are kept by `sub` (not a
 * foreign key) so the record outlives the account.
 */
export class Migration20261129000003_admin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE client_flow_audit_log (
        id bigserial PRIMARY KEY,
        uid text NOT NULL CONSTRAINT client_flow_audit_log_uid_unique UNIQUE,
        admin_sub text NOT NULL,
        action text NOT NULL,
        client_flow_uid text NOT NULL,
        client_flow_slug text NOT NULL,
        changes jsonb NOT NULL,
        created_at double precision NOT NULL
      )`);
    this.addSql(`CREATE INDEX client_flow_audit_log_client_flow_uid_created_at_index ON client_flow_audit_log (client_flow_uid, created_at)`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TABLE IF EXISTS client_flow_audit_log`);
  }
}
