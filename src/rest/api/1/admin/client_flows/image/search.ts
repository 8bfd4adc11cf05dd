import { CLIENT_FLOW_IMAGES_SEARCH, MEDIA_SEARCH_LIMIT } from '../../../../../../domain/search/resources';
import { searchClientFlowImages } from '../../../../../../services/media/media-search.service';
import { searchHandler } from '../../../../../search';

/** `POST /api/1/admin/client_flows/image/search` (screens-and-media.md §3.3.3). */
export const searchClientFlowImagesRoute = searchHandler(
  CLIENT_FLOW_IMAGES_SEARCH,
  searchClientFlowImages,
  (_app, items) =>
    items.map((i) => ({
      uid: i.uid,
      list_slug: i.listSlug,
      image_file: i.imageFile,
      original_file_sha512: i.originalFileSha512,
      image_file_created_at: i.imageFileCreatedAt,
      last_uploaded_at: i.lastUploadedAt,
    })),
  MEDIA_SEARCH_LIMIT,
);
