import { startUploadRoute } from '../start-upload';

/** `POST /api/1/admin/client_flows/image/` (screens-and-media.md §3.3.1). */
export const startImageUploadRoute = startUploadRoute('image');
