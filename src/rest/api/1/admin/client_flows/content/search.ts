import { CLIENT_FLOW_CONTENT_FILES_SEARCH, MEDIA_SEARCH_LIMIT } from '../../../../../../domain/search/resources';
import { searchClientFlowContentFiles } from '../../../../../../services/media/media-search.service';
import { searchHandler } from '../../../../../search';

/** `POST /api/1/admin/client_flows/content/search` (screens-and-media.md §3.3.4). */
export const searchClientFlowContentFilesRoute = searchHandler(
  CLIENT_FLOW_CONTENT_FILES_SEARCH,
  searchClientFlowContentFiles,
  (_app, items) =>
    items.map((i) => ({
      uid: i.uid,
      list_slug: i.listSlug,
      content_file: i.contentFile,
      transcript: i.transcript,
      original_file_sha512: i.originalFileSha512,
      content_file_created_at: i.contentFileCreatedAt,
      last_uploaded_at: i.lastUploadedAt,
    })),
  MEDIA_SEARCH_LIMIT,
);
