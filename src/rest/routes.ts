import { searchScreenActionsLogRoute } from './api/1/admin/logs/user_client_screen_actions';
import { searchScreensLogRoute } from './api/1/admin/logs/user_client_screens';
import { createClientFlowRoute, patchClientFlowRoute } from './api/1/client_flows/index';
import { searchClientFlowsRoute } from './api/1/client_flows/search';
import { testFlowRoute } from './api/1/client_flows/test_flow';
import { testScreenRoute } from './api/1/client_flows/test_screen';
import { deleteClientFlowRoute } from './api/1/client_flows/uid';
import { searchClientScreensRoute } from './api/1/client_screens/search';
import { clientFlowStats } from './api/1/admin/client_flows/client_flow_stats';
import { clientScreenStats } from './api/1/admin/client_flows/client_screen_stats';
import { partialClientFlowStats } from './api/1/admin/client_flows/partial_client_flow_stats';
import { partialClientScreenStats } from './api/1/admin/client_flows/partial_client_screen_stats';
import { now } from './api/1/misc/now';
import { customPop } from './api/1/users/me/screens/custom-pop';
import { peek } from './api/1/users/me/screens/peek';
import { pop } from './api/1/users/me/screens/pop';
import { trace } from './api/1/users/me/screens/trace';
import { startContentUploadRoute } from './api/1/admin/client_flows/content/index';
import { searchClientFlowContentFilesRoute } from './api/1/admin/client_flows/content/search';
import { startImageUploadRoute } from './api/1/admin/client_flows/image/index';
import { searchClientFlowImagesRoute } from './api/1/admin/client_flows/image/search';
import { uploadPartRoute } from './api/1/file_uploads/part';
import { contentExportPlaylistRoute } from './api/1/content_files/exports/file';
import { contentPartRoute } from './api/1/content_files/exports/parts/file';
import { contentHlsRoute, contentWebRoute } from './api/1/content_files/uid';
import { imageExportRoute } from './api/1/image_files/image/file';
import { imagePlaylistRoute } from './api/1/image_files/playlist/uid';
import { transcriptRoute } from './api/1/transcripts/uid';
import { healthz, readyz } from './health';
import { metrics } from './metrics';
import type { RestRoute } from './router';

/** Every REST path served, next to the file that serves it (files mirror the URL). */
export const REST_ROUTES: RestRoute[] = [
  { method: 'GET', path: '/healthz', handler: healthz },
  { method: 'GET', path: '/readyz', handler: readyz },
  { method: 'GET', path: '/metrics', handler: metrics },
  { method: 'GET', path: '/api/1/misc/now', handler: now },
  { method: 'POST', path: '/api/1/users/me/screens/peek', handler: peek },
  { method: 'POST', path: '/api/1/users/me/screens/pop', handler: pop },
  { method: 'POST', path: '/api/1/users/me/screens/trace', handler: trace },
  // Admin searches (admin-api.md §3); the /admin/log/ spellings are the seed document's aliases.
  { method: 'POST', path: '/api/1/client_flows/search', handler: searchClientFlowsRoute },
  { method: 'POST', path: '/api/1/client_screens/search', handler: searchClientScreensRoute },
  { method: 'POST', path: '/api/1/admin/logs/user_client_screens', handler: searchScreensLogRoute },
  { method: 'POST', path: '/api/1/admin/log/user_client_screens', handler: searchScreensLogRoute },
  { method: 'POST', path: '/api/1/admin/logs/user_client_screen_actions', handler: searchScreenActionsLogRoute },
  { method: 'POST', path: '/api/1/admin/log/user_client_screen_actions', handler: searchScreenActionsLogRoute },
  // Admin writes (admin-api.md §5-§7, §9-§10); the /admin/client_flows/ spellings are the seed document's aliases.
  { method: 'POST', path: '/api/1/client_flows/', handler: createClientFlowRoute },
  { method: 'PATCH', path: '/api/1/client_flows/', handler: patchClientFlowRoute },
  { method: 'DELETE', path: '/api/1/client_flows/{uid}', handler: deleteClientFlowRoute },
  { method: 'POST', path: '/api/1/client_flows/test_screen', handler: testScreenRoute },
  { method: 'POST', path: '/api/1/admin/client_flows/test_screen', handler: testScreenRoute },
  { method: 'POST', path: '/api/1/client_flows/test_flow', handler: testFlowRoute },
  { method: 'POST', path: '/api/1/admin/client_flows/test_flow', handler: testFlowRoute },
  { method: 'GET', path: '/api/1/admin/client_flows/client_flow_stats', handler: clientFlowStats },
  { method: 'GET', path: '/api/1/admin/client_flows/partial_client_flow_stats', handler: partialClientFlowStats },
  { method: 'GET', path: '/api/1/admin/client_flows/client_screen_stats', handler: clientScreenStats },
  { method: 'GET', path: '/api/1/admin/client_flows/partial_client_screen_stats', handler: partialClientScreenStats },
  // The seed document's names for the historical charts (admin-api.md §0): same answers.
  { method: 'GET', path: '/api/1/admin/client_flows/daily_client_flow_stats', handler: clientFlowStats },
  { method: 'GET', path: '/api/1/admin/client_flows/daily_client_screen_stats', handler: clientScreenStats },
  // Screen media uploads and lists (screens-and-media.md §3.3-§3.4).
  { method: 'POST', path: '/api/1/admin/client_flows/image/', handler: startImageUploadRoute },
  { method: 'POST', path: '/api/1/admin/client_flows/image/search', handler: searchClientFlowImagesRoute },
  { method: 'POST', path: '/api/1/admin/client_flows/content/', handler: startContentUploadRoute },
  { method: 'POST', path: '/api/1/admin/client_flows/content/search', handler: searchClientFlowContentFilesRoute },
  { method: 'POST', path: '/api/1/file_uploads/{uid}/{part}', handler: uploadPartRoute },
  // Media for JWT holders (screens-and-media.md §3.6); the exports routes before `{uid}/…`.
  { method: 'GET', path: '/api/1/image_files/playlist/{uid}', handler: imagePlaylistRoute },
  { method: 'GET', path: '/api/1/image_files/image/{file}', handler: imageExportRoute },
  { method: 'GET', path: '/api/1/content_files/exports/parts/{file}', handler: contentPartRoute },
  { method: 'GET', path: '/api/1/content_files/exports/{file}', handler: contentExportPlaylistRoute },
  { method: 'GET', path: '/api/1/content_files/{uid}/web.json', handler: contentWebRoute },
  { method: 'GET', path: '/api/1/content_files/{uid}/ios.m3u8', handler: contentHlsRoute },
  { method: 'GET', path: '/api/1/content_files/{uid}/android.m3u8', handler: contentHlsRoute },
  { method: 'GET', path: '/api/1/transcripts/{uid}', handler: transcriptRoute },
  // After the fixed siblings above, which match first: plugin-registered custom pops (§7.6).
  { method: 'POST', path: '/api/1/users/me/screens/{endpoint}', handler: customPop },
];
