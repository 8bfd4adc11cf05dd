import { startUploadRoute } from '../start-upload';

/** `POST /api/1/admin/client_flows/content/` (screens-and-media.md §3.3.2). */
export const startContentUploadRoute = startUploadRoute('content');
