import { USER_CLIENT_SCREEN_ACTIONS_LOG_SEARCH } from '../../../../../domain/search/resources';
import { searchScreenActionsLog } from '../../../../../services/admin/search.service';
import { searchHandler } from '../../../../search';

/** `POST /api/1/admin/logs/user_client_screen_actions` and its `/admin/log/` alias (admin-api.md §13). */
export const searchScreenActionsLogRoute = searchHandler(USER_CLIENT_SCREEN_ACTIONS_LOG_SEARCH, searchScreenActionsLog, (_app, entries) =>
  entries.map((e) => ({ uid: e.uid, user_client_screen_log_uid: e.userClientScreenLogUid, event: e.event, created_at: e.createdAt })),
);
