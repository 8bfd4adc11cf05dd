import DataLoader from 'dataloader';
import type { AppContext } from '../../services/app-context';
import { loadLogUsers, loadScreenLogs, type LogUser, type ScreenLogEntry } from '../../services/admin/search.service';

/**
 * Request-scoped batch loaders: every log row of a page asking for its user (or every action
 * asking for its screen log row) costs one statement, not one per row. Created per operation,
 * so nothing is cached across requests.
 */
export interface AdminLoaders {
  /** By `users.id`. */
  logUser: DataLoader<string, LogUser | null>;
  /** By `user_client_screens_log.uid`. */
  screenLog: DataLoader<string, ScreenLogEntry | null>;
}

export function createAdminLoaders(app: AppContext): AdminLoaders {
  return {
    logUser: new DataLoader(async (ids) => {
      const users = await loadLogUsers(app, ids);
      return ids.map((id) => users.get(id) ?? null);
    }),
    screenLog: new DataLoader(async (uids) => {
      const logs = await loadScreenLogs(app, uids);
      return uids.map((uid) => logs.get(uid) ?? null);
    }),
  };
}
