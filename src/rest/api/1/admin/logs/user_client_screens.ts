import { USER_CLIENT_SCREENS_LOG_SEARCH } from '../../../../../domain/search/resources';
import { loadLogUsers, searchScreensLog } from '../../../../../services/admin/search.service';
import { searchHandler } from '../../../../search';

/** `POST /api/1/admin/logs/user_client_screens` and its `/admin/log/` alias (admin-api.md §13). */
export const searchScreensLogRoute = searchHandler(USER_CLIENT_SCREENS_LOG_SEARCH, searchScreensLog, async (app, entries) => {
  const users = await loadLogUsers(app, entries.map((e) => e.userId));
  return entries.map((e) => {
    // The inner join guarantees the user existed; a user deleted in between is shown as unknown.
    const user = users.get(e.userId);
    return {
      uid: e.uid,
      user: user === undefined ? null : { sub: user.sub, given_name: user.givenName, family_name: user.familyName, created_at: user.createdAt },
      platform: e.platform,
      visitor: e.visitor,
      screen: e.screen,
      created_at: e.createdAt,
    };
  });
});
