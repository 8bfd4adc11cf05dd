/**
 * Save-time media checks (screens-and-media.md §1.6.2, §4 item 2): every `image_uid` /
 * `content_uid` in a flow screen's `fixed` must exist and be in the field's list. Loaded in
 * one read per kind, then answered synchronously to the pure validator.
 */
import type { Sql } from '../db/sql';
import { contentLists, imageLists } from '../db/repositories/media-serving.repository';
import type { FlowScreen, Schema } from '../domain/model';
import type { ResourceCheck } from '../domain/flow-validation';
import { collectMediaReferences } from '../domain/schema';

export type ResourceChecker = (format: string, uid: string, list: string | null) => ResourceCheck | undefined;

/** The checker for these flow screens' media references (screens whose schema is unknown are skipped). */
export async function loadMediaChecker(sql: Sql, flowScreens: readonly FlowScreen[], schemaOf: (slug: string) => Schema | undefined): Promise<ResourceChecker> {
  const uids = { image_uid: new Set<string>(), content_uid: new Set<string>() };
  for (const fs of flowScreens) {
    const schema = schemaOf(fs.screen.slug);
    if (schema === undefined) continue;
    for (const ref of collectMediaReferences(schema, fs.screen.fixed)) uids[ref.format as keyof typeof uids]?.add(ref.uid);
  }
  // One statement at a time: `sql` may be a transaction's single connection.
  const images = uids.image_uid.size > 0 ? await imageLists(sql, [...uids.image_uid]) : new Map<string, Set<string>>();
  const contents = uids.content_uid.size > 0 ? await contentLists(sql, [...uids.content_uid]) : new Map<string, Set<string>>();
  return (format, uid, list) => {
    const known = format === 'image_uid' ? images : format === 'content_uid' ? contents : null;
    if (known === null) return undefined;
    const lists = known.get(uid);
    if (lists === undefined) return 'missing';
    return list === null || lists.has(list) ? 'found' : 'wrong_list';
  };
}
