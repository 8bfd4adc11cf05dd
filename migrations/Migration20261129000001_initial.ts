import { Migration } from '@mikro-orm/migrations';

/**
 * The data model of the seed: users and their tokens and visitors, screens, flows, the queue and
 * its two logs. Timestamps are seconds since the epoch as double precision, like the wire.
 */
export class Migration20261129000001_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE users (
        id bigserial PRIMARY KEY,
        sub text NOT NULL CONSTRAINT users_sub_unique UNIQUE,
        given_name text NULL,
        family_name text NULL,
        created_at double precision NOT NULL,
        admin boolean NOT NULL DEFAULT false,
        has_pro boolean NOT NULL DEFAULT false,
        timezone text NULL
      )`);
    this.addSql(`
      CREATE TABLE user_tokens (
        id bigserial PRIMARY KEY,
        uid text NOT NULL CONSTRAINT user_tokens_uid_unique UNIQUE,
        user_id bigint NOT NULL CONSTRAINT user_tokens_user_id_foreign REFERENCES users (id) ON UPDATE CASCADE ON DELETE CASCADE,
        token text NOT NULL CONSTRAINT user_tokens_token_unique UNIQUE,
        name text NOT NULL,
        created_at double precision NOT NULL,
        expires_at double precision NULL
      )`);
    this.addSql(`CREATE INDEX user_tokens_user_id_index ON user_tokens (user_id)`);
    this.addSql(`
      CREATE TABLE visitors (
        id bigserial PRIMARY KEY,
        uid text NOT NULL CONSTRAINT visitors_uid_unique UNIQUE,
        source text NOT NULL,
        created_at double precision NOT NULL
      )`);
    this.addSql(`
      CREATE TABLE visitor_users (
        id bigserial PRIMARY KEY,
        visitor_id bigint NOT NULL CONSTRAINT visitor_users_visitor_id_foreign REFERENCES visitors (id) ON UPDATE CASCADE ON DELETE CASCADE,
        user_id bigint NOT NULL CONSTRAINT visitor_users_user_id_foreign REFERENCES users (id) ON UPDATE CASCADE ON DELETE CASCADE,
        first_seen_at double precision NOT NULL,
        last_seen_at double precision NOT NULL,
        CONSTRAINT visitor_users_visitor_id_user_id_unique UNIQUE (visitor_id, user_id)
      )`);
    this.addSql(`CREATE INDEX visitor_users_user_id_index ON visitor_users (user_id)`);
    this.addSql(`
      CREATE TABLE client_screens (
        id bigserial PRIMARY KEY,
        uid text NOT NULL CONSTRAINT client_screens_uid_unique UNIQUE,
        slug text NOT NULL CONSTRAINT client_screens_slug_unique UNIQUE,
        name text NOT NULL,
        description text NOT NULL,
        schema jsonb NOT NULL,
        schema_hash text NOT NULL,
        flags integer NOT NULL
      )`);
    this.addSql(`
      CREATE TABLE client_flows (
        id bigserial PRIMARY KEY,
        uid text NOT NULL CONSTRAINT client_flows_uid_unique UNIQUE,
        slug text NOT NULL CONSTRAINT client_flows_slug_unique UNIQUE,
        name text NULL,
        description text NULL,
        client_schema jsonb NOT NULL,
        server_schema jsonb NOT NULL,
        replaces boolean NOT NULL,
        screens jsonb NOT NULL,
        rules jsonb NOT NULL,
        flags integer NOT NULL,
        created_at double precision NOT NULL,
        revision integer NOT NULL DEFAULT 1
      )`);
    this.addSql(`
      CREATE TABLE user_client_screens (
        id bigserial PRIMARY KEY,
        uid text NOT NULL CONSTRAINT user_client_screens_uid_unique UNIQUE,
        user_id bigint NOT NULL CONSTRAINT user_client_screens_user_id_foreign REFERENCES users (id) ON UPDATE CASCADE ON DELETE CASCADE,
        outer_counter integer NOT NULL,
        inner_counter integer NOT NULL,
        client_flow_id bigint NULL CONSTRAINT user_client_screens_client_flow_id_foreign REFERENCES client_flows (id) ON UPDATE CASCADE ON DELETE SET NULL,
        client_screen_id bigint NOT NULL CONSTRAINT user_client_screens_client_screen_id_foreign REFERENCES client_screens (id) ON UPDATE CASCADE ON DELETE CASCADE,
        flow_client_parameters jsonb NOT NULL,
        flow_server_parameters jsonb NOT NULL,
        screen jsonb NOT NULL,
        added_at double precision NOT NULL,
        CONSTRAINT user_client_screens_user_id_outer_counter_inner_counter_unique
          UNIQUE (user_id, outer_counter, inner_counter)
      )`);
    this.addSql(`CREATE INDEX user_client_screens_added_at_index ON user_client_screens (added_at)`);
    this.addSql(`CREATE INDEX user_client_screens_client_flow_id_index ON user_client_screens (client_flow_id)`);
    this.addSql(`CREATE INDEX user_client_screens_client_screen_id_index ON user_client_screens (client_screen_id)`);
    this.addSql(`
      CREATE TABLE user_client_screens_log (
        id bigserial PRIMARY KEY,
        uid text NOT NULL CONSTRAINT user_client_screens_log_uid_unique UNIQUE,
        user_id bigint NOT NULL CONSTRAINT user_client_screens_log_user_id_foreign REFERENCES users (id) ON UPDATE CASCADE ON DELETE CASCADE,
        platform text NOT NULL,
        visitor_id bigint NULL CONSTRAINT user_client_screens_log_visitor_id_foreign REFERENCES visitors (id) ON UPDATE CASCADE ON DELETE SET NULL,
        screen jsonb NOT NULL,
        created_at double precision NOT NULL
      )`);
    this.addSql(`CREATE INDEX user_client_screens_log_user_id_created_at_index ON user_client_screens_log (user_id, created_at)`);
    this.addSql(`CREATE INDEX user_client_screens_log_visitor_id_index ON user_client_screens_log (visitor_id)`);
    this.addSql(`
      CREATE TABLE user_client_screen_actions_log (
        id bigserial PRIMARY KEY,
        uid text NOT NULL CONSTRAINT user_client_screen_actions_log_uid_unique UNIQUE,
        user_client_screen_log_id bigint NOT NULL CONSTRAINT user_client_screen_actions_log_log_id_foreign REFERENCES user_client_screens_log (id) ON UPDATE CASCADE ON DELETE CASCADE,
        event text NOT NULL,
        created_at double precision NOT NULL
      )`);
    this.addSql(`CREATE INDEX user_client_screen_actions_log_log_id_created_at_index
      ON user_client_screen_actions_log (user_client_screen_log_id, created_at)`);
  }

  override async down(): Promise<void> {
    for (const table of [
      'user_client_screen_actions_log', 'user_client_screens_log', 'user_client_screens', 'client_flows',
      'client_screens', 'visitor_users', 'visitors', 'user_tokens', 'users',
    ]) {
      this.addSql(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
