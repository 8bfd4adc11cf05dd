import { CLIENT_SCREENS_SEARCH } from '../../../../domain/search/resources';
import { searchClientScreens } from '../../../../services/admin/search.service';
import { searchHandler } from '../../../search';

/** `POST /api/1/client_screens/search` (admin-api.md §8); the wire key is `screen_schema`. */
export const searchClientScreensRoute = searchHandler(CLIENT_SCREENS_SEARCH, searchClientScreens, (_app, screens) =>
  screens.map((s) => ({ uid: s.uid, slug: s.slug, name: s.name, description: s.description, screen_schema: s.screenSchema, flags: s.flags })),
);
