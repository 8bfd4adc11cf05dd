/**
 * The admin write side of client flows (admin-api.md §5-§7): create, patch, delete. One
 * service under REST and GraphQL; every expected outcome is a value.
 */
import {
  clientFlowSlugTaken, deleteClientFlowByUid, findClientFlowSlugByUid, insertAuditEntry, insertClientFlow, listAuditEntries, loadFlowGraph,
  loadScreenSchemas, lockClientFlowByUid, shareLockScreens, updateClientFlow, type AuditEntry, type ClientFlowChanges,
  type FlowGraphRow,
} from '../../db/repositories/client-flows-admin.repository';
import type { UserRecord } from '../../db/repositories/users.repository';
import type { Sql } from '../../db/sql';
import { FlowFlag, flowFlags, hasFlowFlag } from '../../domain/flags';
import {
  findFlowReferences, flagsInRange, MAX_FLAGS, SPECIAL_FLOW_SLUGS, validateFlow, type FlowFields, type FlowIssue,
  type FlowReference,
} from '../../domain/flow-validation';
import { canonicalJson, cloneJson, type JsonObject, type JsonValue } from '../../domain/json';
import { newUid } from '../../lib/ids';
import { loadMediaChecker } from '../../media/references';
import type { AppContext } from '../app-context';
import { inTransaction, isUniqueViolation, withReadConnection, type TransactionScope } from '../transaction';
import { clientFlowFromRow, wireFlowRule, wireFlowScreen, type ClientFlowRecord } from './client-flow-object';

/** Both parameter schemas of a new flow (§5): an empty object, no extra keys. */
export const NEW_FLOW_SCHEMA: JsonObject = Object.freeze({ type: 'object', properties: {}, additionalProperties: false, example: {} }) as JsonObject;
/** §5: shows in admin | custom | iOS | Android | browser triggerable. */
export const NEW_FLOW_FLAGS = 31;

/** Redis counter the reachability analysis caches by (stats-cache-jobs.md §5.2). */
export const ANALYSIS_VERSION_KEY = 'client_flow_graph_analysis:version';

export type ProtectionReason = 'not_custom' | 'special_flow';

export interface PreconditionFailure {
  /** Wire name, e.g. `client_schema`. */
  field: string;
  expected: JsonValue;
  actual: JsonValue;
}

export type CreateClientFlowResult = { kind: 'created'; flow: ClientFlowRecord } | { kind: 'slug_exists'; slug: string };

export type PatchClientFlowResult =
  | { kind: 'patched'; flow: ClientFlowRecord }
  | { kind: 'not_found'; uid: string }
  | { kind: 'precondition_failed'; failures: PreconditionFailure[] }
  | { kind: 'slug_exists'; slug: string }
  | { kind: 'protected'; reason: ProtectionReason }
  | { kind: 'invalid'; issues: FlowIssue[] };

export type DeleteClientFlowResult =
  | { kind: 'deleted'; uid: string; slug: string }
  | { kind: 'not_found'; uid: string }
  | { kind: 'protected'; reason: ProtectionReason }
  | { kind: 'referenced'; references: FlowReference[] };

// ---- create (§5) ----

/** `slug` is already trimmed and pattern-checked (parseFlowSlug). */
export async function createClientFlow(app: AppContext, admin: UserRecord, slug: string): Promise<CreateClientFlowResult> {
  return inTransaction(app.db, async (scope) => {
    const row = await insertClientFlow(scope.sql, {
      uid: newUid('cfl'),
      slug,
      clientSchema: NEW_FLOW_SCHEMA,
      serverSchema: NEW_FLOW_SCHEMA,
      flags: NEW_FLOW_FLAGS,
      createdAt: app.now(),
    });
    if (row === null) return { kind: 'slug_exists', slug } as const;
    const flow = clientFlowFromRow(row);
    await audit(scope.sql, app, admin, 'create', flow, changesBetween(null, flow));
    afterFlowChange(app, scope, { flows: [slug], flowSetChanged: true });
    return { kind: 'created', flow } as const;
  });
}

// ---- patch (§6) ----

/** The comparable fields: key of FlowFields and of ClientFlowRecord, and the wire name. */
const FIELDS = [
  ['slug', 'slug'],
  ['name', 'name'],
  ['description', 'description'],
  ['clientSchema', 'client_schema'],
  ['serverSchema', 'server_schema'],
  ['replaces', 'replaces'],
  ['screens', 'screens'],
  ['rules', 'rules'],
  ['flags', 'flags'],
  ['createdAt', 'created_at'],
  ['revision', 'revision'],
] as const satisfies readonly (readonly [keyof FlowFields & keyof ClientFlowRecord, string])[];

type Field = (typeof FIELDS)[number][0];
const PATCHABLE: readonly Field[] = ['slug', 'name', 'description', 'clientSchema', 'serverSchema', 'replaces', 'screens', 'rules', 'flags'];
/** A change to any of these re-runs validation (§6.2: only when the value differs). */
const VALIDATED: readonly Field[] = ['clientSchema', 'serverSchema', 'screens', 'rules'];

const wireName = (field: Field) => FIELDS.find(([f]) => f === field)![1];

/** The normalized form a field is compared and shown in: screens and rules with every optional key present. */
function normalized(field: Field, value: unknown): JsonValue {
  if (field === 'screens') return (value as ClientFlowRecord['screens']).map(wireFlowScreen) as unknown as JsonValue;
  if (field === 'rules') return (value as ClientFlowRecord['rules']).map(wireFlowRule) as unknown as JsonValue;
  return value as JsonValue;
}

const sameValue = (field: Field, a: unknown, b: unknown) => canonicalJson(normalized(field, a)) === canonicalJson(normalized(field, b));

export interface PatchClientFlowInput {
  uid: string;
  precondition: FlowFields;
  patch: FlowFields;
}

/**
 * §6.2 with a row lock: lock → preconditions (412, every failure) → protection (409) → slug
 * uniqueness (409) → validation of the final state (422, every issue) → write, revision + 1.
 * An empty patch is a conditional read.
 */
export async function patchClientFlow(app: AppContext, admin: UserRecord, input: PatchClientFlowInput): Promise<PatchClientFlowResult> {
  try {
    const strengthened = await withImplicitSlugPrecondition(app, input);
    return await inTransaction(app.db, (scope) => patchLocked(app, scope, admin, strengthened));
  } catch (error) {
    // A rename racing a create (or another rename) to the same slug, caught by the unique index.
    if (isUniqueViolation(error) && input.patch.slug !== undefined) return { kind: 'slug_exists', slug: input.patch.slug };
    throw error;
  }
}

/**
 * §6.2 implicit strengthening: a rename without `precondition.slug` is conditional on the slug
 * read when the request arrived, before the lock. Of two concurrent renames the second to lock
 * then gets 412 instead of silently renaming what the other admin had just renamed.
 */
async function withImplicitSlugPrecondition(app: AppContext, input: PatchClientFlowInput): Promise<PatchClientFlowInput> {
  if (input.patch.slug === undefined || input.precondition.slug !== undefined) return input;
  const slug = await withReadConnection(app.db, (sql) => findClientFlowSlugByUid(sql, input.uid));
  return slug === null ? input : { ...input, precondition: { ...input.precondition, slug } };
}

async function patchLocked(app: AppContext, scope: TransactionScope, admin: UserRecord, input: PatchClientFlowInput): Promise<PatchClientFlowResult> {
  const { precondition, patch } = input;
  const row = await lockClientFlowByUid(scope.sql, input.uid);
  if (row === null) return { kind: 'not_found', uid: input.uid };
  const current = clientFlowFromRow(row);

  const failures: PreconditionFailure[] = [];
  for (const [field, wire] of FIELDS) {
    const expected = precondition[field];
    if (expected !== undefined && !sameValue(field, expected, current[field])) {
      failures.push({ field: wire, expected: normalized(field, expected), actual: normalized(field, current[field]) });
    }
  }
  if (failures.length > 0) return { kind: 'precondition_failed', failures };

  const patched = PATCHABLE.filter((f) => patch[f] !== undefined);
  if (patched.length === 0) return { kind: 'patched', flow: current };

  const renamed = patch.slug !== undefined && patch.slug !== current.slug;
  if (renamed) {
    const reason = protectionOf(current);
    if (reason !== null) return { kind: 'protected', reason };
    if (await clientFlowSlugTaken(scope.sql, patch.slug!)) return { kind: 'slug_exists', slug: patch.slug! };
  }

  const final: ClientFlowRecord = { ...current };
  for (const field of patched) (final as unknown as Record<string, unknown>)[field] = patch[field];
  const issues = VALIDATED.some((f) => patch[f] !== undefined && !sameValue(f, patch[f], current[f]))
    ? await validateFinal(app, scope.sql, final, current.uid)
    : flagsIssue(final.flags, patch.flags);
  if (issues.length > 0) return { kind: 'invalid', issues };

  const columns: ClientFlowChanges = {};
  for (const field of patched) (columns as Record<string, unknown>)[wireName(field)] = final[field];
  const flow = clientFlowFromRow(await updateClientFlow(scope.sql, current.uid, columns));
  await audit(scope.sql, app, admin, 'patch', flow, changesBetween(current, flow));
  afterFlowChange(app, scope, renamed ? { flows: [current.slug, flow.slug], flowSetChanged: true } : { flows: [flow.slug], flowSetChanged: false });
  return { kind: 'patched', flow };
}

function flagsIssue(flags: number, patched: number | undefined): FlowIssue[] {
  if (patched === undefined || flagsInRange(flags)) return [];
  return [{ path: 'flags', code: 'flags_out_of_range', message: `flags must be an integer from 0 to ${MAX_FLAGS}` }];
}

/** The final state against the database as it is now (screens share-locked until commit). */
async function validateFinal(app: AppContext, sql: Sql, flow: ClientFlowRecord, uid: string): Promise<FlowIssue[]> {
  const screens = await shareLockScreens(sql, [...new Set(flow.screens.map((s) => s.screen.slug))]);
  const others = (await loadFlowGraph(sql)).filter((g) => g.uid !== uid);
  const bySlug = new Map(others.map((g) => [g.slug, g]));
  const screen = (slug: string) => screens.find((s) => s.slug === slug);
  return validateFlow(flow, {
    registry: app.registry,
    standard: app.standard,
    screen,
    checkResource: await loadMediaChecker(sql, flow.screens, (slug) => screen(slug)?.schema),
    flowExists: (slug) => slug === flow.slug || bySlug.has(slug),
    replaceTargets: (slug) => replaceTargetsOf(bySlug.get(slug)),
  });
}

const replaceTargetsOf = (flow: FlowGraphRow | undefined): string[] =>
  (flow?.rules ?? []).flatMap((r) => (r.effect.type === 'replace' ? [r.effect.slug] : []));

/** §6.4 item 5: renaming and deleting need the stored custom bit and a slug server code does not use. */
function protectionOf(flow: ClientFlowRecord): ProtectionReason | null {
  if (SPECIAL_FLOW_SLUGS.has(flow.slug)) return 'special_flow';
  if (!hasFlowFlag(flowFlags(flow.flags), FlowFlag.IS_CUSTOM)) return 'not_custom';
  return null;
}

// ---- delete (§7) ----

export async function deleteClientFlow(app: AppContext, admin: UserRecord, input: { uid: string; force: boolean }): Promise<DeleteClientFlowResult> {
  return inTransaction(app.db, async (scope) => {
    const row = await lockClientFlowByUid(scope.sql, input.uid);
    if (row === null) return { kind: 'not_found', uid: input.uid } as const;
    const flow = clientFlowFromRow(row);
    const reason = protectionOf(flow);
    if (reason !== null) return { kind: 'protected', reason } as const;
    const schemas = await loadScreenSchemas(scope.sql);
    const references = findFlowReferences(flow.slug, await loadFlowGraph(scope.sql), (slug) => schemas.get(slug));
    if (references.length > 0 && !input.force) return { kind: 'referenced', references } as const;
    await deleteClientFlowByUid(scope.sql, flow.uid);
    await audit(scope.sql, app, admin, 'delete', flow, changesBetween(flow, null));
    afterFlowChange(app, scope, { flows: [flow.slug], flowSetChanged: true });
    return { kind: 'deleted', uid: flow.uid, slug: flow.slug } as const;
  });
}

// ---- after commit and audit ----

/**
 * §6.6 / stats-cache-jobs.md §5.2, after commit: the definition store's purge hook, then the
 * analysis version. Best effort: the change is committed, so a failure here is only logged.
 */
function afterFlowChange(app: AppContext, scope: TransactionScope, change: { flows: string[]; flowSetChanged: boolean }): void {
  scope.afterCommit(async () => {
    try {
      await app.definitions.changed(change);
    } catch (error) {
      app.log.warn({ err: error, change }, 'flow cache purge failed after commit');
    }
    try {
      await app.redis.incr(ANALYSIS_VERSION_KEY);
    } catch (error) {
      app.log.warn({ err: error }, 'could not bump the flow analysis version');
    }
  });
}

/** `{wire key: {before, after}}` for every key whose value differs (null side: created / deleted). */
function changesBetween(before: ClientFlowRecord | null, after: ClientFlowRecord | null): JsonObject {
  const changes: JsonObject = {};
  for (const field of PATCHABLE) {
    const b = before === null ? null : normalized(field, before[field]);
    const a = after === null ? null : normalized(field, after[field]);
    if (canonicalJson(b) !== canonicalJson(a)) changes[wireName(field)] = cloneJson({ before: b, after: a });
  }
  return changes;
}

/** One append-only audit record, written in the transaction of the change it describes. */
export async function audit(sql: Sql, app: AppContext, admin: UserRecord, action: AuditEntry['action'], flow: { uid: string; slug: string }, changes: JsonObject): Promise<void> {
  await insertAuditEntry(sql, {
    uid: newUid('cfla'),
    adminSub: admin.sub,
    action,
    clientFlowUid: flow.uid,
    clientFlowSlug: flow.slug,
    changes,
    createdAt: app.now(),
  });
}

/** The audit trail, newest first (admins only; GraphQL `clientFlowAuditLog`). */
export function readAuditLog(app: AppContext, filter: { clientFlowUid: string | null; limit: number }): Promise<AuditEntry[]> {
  return withReadConnection(app.db, (sql) => listAuditEntries(sql, filter));
}
