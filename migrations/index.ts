import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129000001_initial } from './Migration20261129000001_initial';
import { Migration20261129000002_builtin_content } from './Migration20261129000002_builtin_content';
import { Migration20261129000003_admin } from './Migration20261129000003_admin';
import { Migration20261129000004_admin_search } from './Migration20261129000004_admin_search';
import { Migration20261129000005_live_queues } from './Migration20261129000005_live_queues';
import { Migration20261129000006_statistics } from './Migration20261129000006_statistics';
import { Migration20261129000007_media } from './Migration20261129000007_media';
import { Migration20261129000008_screen_processor_names } from './Migration20261129000008_screen_processor_names';

/** Every migration in order. A new migration is a new file here plus one line below. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261129000001_initial', class: Migration20261129000001_initial },
  { name: 'Migration20261129000002_builtin_content', class: Migration20261129000002_builtin_content },
  { name: 'Migration20261129000003_admin', class: Migration20261129000003_admin },
  { name: 'Migration20261129000004_admin_search', class: Migration20261129000004_admin_search },
  { name: 'Migration20261129000005_live_queues', class: Migration20261129000005_live_queues },
  { name: 'Migration20261129000006_statistics', class: Migration20261129000006_statistics },
  { name: 'Migration20261129000007_media', class: Migration20261129000007_media },
  { name: 'Migration20261129000008_screen_processor_names', class: Migration20261129000008_screen_processor_names },
];
