import type { SearchResource } from './types';

/** The searchable resources of admin-api.md §3.7 (ours adds the nullable `name` flow sort key). */

export const CLIENT_FLOWS_SEARCH: SearchResource = {
  name: 'client_flows',
  filters: { uid: 'text', slug: 'text', name: 'text', flags: 'bit_field', created_at: 'float' },
  sortKeys: {
    uid: { type: 'string', nullable: false },
    slug: { type: 'string', nullable: false },
    name: { type: 'string', nullable: true },
    created_at: { type: 'float', nullable: false },
  },
  uniqueKeys: ['uid', 'slug'],
};

export const CLIENT_SCREENS_SEARCH: SearchResource = {
  name: 'client_screens',
  filters: { uid: 'text', slug: 'text', name: 'text', flags: 'bit_field' },
  sortKeys: {
    uid: { type: 'string', nullable: false },
    slug: { type: 'string', nullable: false },
    name: { type: 'string', nullable: false },
  },
  uniqueKeys: ['slug', 'uid'],
};

export const USER_CLIENT_SCREENS_LOG_SEARCH: SearchResource = {
  name: 'user_client_screens_log',
  filters: { uid: 'text', user_sub: 'text', visitor: 'text', screen_slug: 'text', created_at: 'float' },
  sortKeys: {
    user_sub: { type: 'string', nullable: false },
    visitor: { type: 'string', nullable: true },
    created_at: { type: 'float', nullable: false },
    uid: { type: 'string', nullable: false },
  },
  uniqueKeys: ['uid'],
};

export const USER_CLIENT_SCREEN_ACTIONS_LOG_SEARCH: SearchResource = {
  name: 'user_client_screen_actions_log',
  filters: { uid: 'text', user_client_screen_log_uid: 'text', created_at: 'float' },
  sortKeys: {
    user_client_screen_log_uid: { type: 'string', nullable: false },
    created_at: { type: 'float', nullable: false },
    uid: { type: 'string', nullable: false },
  },
  uniqueKeys: ['uid'],
};

/** screens-and-media.md §3.3.3: limit 1..250, default 25, for both media searches. */
export const MEDIA_SEARCH_LIMIT = { min: 1, max: 250, default: 25 } as const;

export const CLIENT_FLOW_IMAGES_SEARCH: SearchResource = {
  name: 'client_flow_images',
  filters: {
    uid: 'text', list_slug: 'text', image_file_uid: 'text', original_file_sha512: 'text', image_original_file_sha512: 'text', last_uploaded_at: 'float',
  },
  sortKeys: {
    uid: { type: 'string', nullable: false },
    list_slug: { type: 'string', nullable: false },
    image_file_created_at: { type: 'float', nullable: false },
    last_uploaded_at: { type: 'float', nullable: false },
  },
  uniqueKeys: ['uid'],
};

export const CLIENT_FLOW_CONTENT_FILES_SEARCH: SearchResource = {
  name: 'client_flow_content_files',
  filters: {
    uid: 'text', list_slug: 'text', content_file_uid: 'text', transcript_uid: 'text', original_file_sha512: 'text', content_original_file_sha512: 'text',
    last_uploaded_at: 'float',
  },
  sortKeys: {
    uid: { type: 'string', nullable: false },
    list_slug: { type: 'string', nullable: false },
    content_file_created_at: { type: 'float', nullable: false },
    last_uploaded_at: { type: 'float', nullable: false },
  },
  uniqueKeys: ['uid'],
};
