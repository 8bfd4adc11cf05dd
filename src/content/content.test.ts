import { describe, expect, it } from 'vitest';
import { checkSpecialFlows } from '../domain/engine/special-flows';
import { FlowFlag, hasFlowFlag } from '../domain/flags';
import { isJsonObject, type JsonValue } from '../domain/json';
import { findProcessor, processorMatches } from '../domain/media/processors';
import type { ClientFlowDef, ClientScreenDef, Schema } from '../domain/model';
import { checkSchema } from '../domain/schema/checker';
import { FormatRegistry } from '../domain/schema/formats';
import { validateValue } from '../domain/schema/validator';
import { STARTER_SCREENS } from './screens';
import { SPECIAL_FLOW_SEEDS } from './special-flows';

// screen-catalogue.md §2, in order, with the flags it gives each screen.
const CATALOGUE: [slug: string, flags: number][] = [
  ['confirmation', 15],
  ['completion', 15],
  ['text_interstitial', 15],
  ['image_interstitial', 15],
  ['large_image_interstitial', 15],
  ['video_interstitial', 15],
  ['audio_interstitial', 15],
  ['hold_to_continue', 15],
  ['chat_message_examples', 15],
  ['fork', 15],
  ['choices', 15],
  ['rate_class', 15],
  ['feedback', 15],
  ['set_name', 15],
  ['add_push_token', 13],
  ['app_tracking_transparency', 5],
  ['app_review_request', 13],
  ['add_phone', 15],
  ['verify_phone', 15],
  ['upgrade', 15],
  ['simple_nav', 15],
];

const SPECIAL_SLUGS = [
  'empty', 'skip', 'forbidden', 'wrong_platform', 'not_found', 'desync',
  'error_flow_schema', 'error_screen_missing', 'error_screen_schema', 'error_unsafe', 'error_bad_auth',
];

const registry = new FormatRegistry();
const screenBySlug = (slug: string) => STARTER_SCREENS.find((s) => s.slug === slug);
const flowBySlug = (slug: string) => SPECIAL_FLOW_SEEDS.find((f) => f.slug === slug);

/** Every schema node reachable through properties, items and oneOf branches, with its JSON path. */
function* nodes(schema: Schema, path = '$'): Generator<[string, Schema]> {
  yield [path, schema];
  if (isJsonObject(schema.properties)) {
    for (const [key, child] of Object.entries(schema.properties)) {
      if (isJsonObject(child)) yield* nodes(child, `${path}.${key}`);
    }
  }
  if (isJsonObject(schema.items)) yield* nodes(schema.items, `${path}[*]`);
  if (Array.isArray(schema.oneOf)) {
    for (const [i, branch] of schema.oneOf.entries()) if (isJsonObject(branch)) yield* nodes(branch, `${path}.oneOf[${i}]`);
  }
}

/** Every object nested anywhere inside a JSON value (including the value itself). */
function* objectsIn(value: JsonValue): Generator<Record<string, JsonValue>> {
  if (Array.isArray(value)) for (const v of value) yield* objectsIn(v);
  else if (isJsonObject(value)) {
    yield value;
    for (const v of Object.values(value)) yield* objectsIn(v);
  }
}

describe('starter screens', () => {
  it('are the 21 catalogue screens, in catalogue order, with unique slugs', () => {
    expect(STARTER_SCREENS.map((s) => s.slug)).toEqual(CATALOGUE.map(([slug]) => slug));
    expect(new Set(STARTER_SCREENS.map((s) => s.slug)).size).toBe(21);
  });

  it.each(CATALOGUE)('%s has the catalogue flags %i', (slug, flags) => {
    expect(screenBySlug(slug)?.flags).toBe(flags);
  });

  it.each(STARTER_SCREENS.map((s) => [s.slug, s] as const))('%s has a name, a description and a valid schema', (_, screen) => {
    expect(screen.name).not.toBe('');
    expect(screen.description).not.toBe('');
    expect(checkSchema(screen.schema, { examples: 'required', registry, processorMatches })).toEqual([]);
  });

  it("name each media field's processor by the spec's job names, the registry's own ids", () => {
    const named = STARTER_SCREENS.flatMap((s) =>
      [...nodes(s.schema)].flatMap(([path, node]) => {
        const x = node['x-processor'];
        return isJsonObject(x) ? [{ at: `${s.slug} ${path}`, job: String(x.job), list: String(x.list) }] : [];
      }),
    );
    expect(new Set(named.map((n) => n.list))).toEqual(
      new Set(['image_interstitial', 'large_image_interstitial', 'fullscreen_background', 'upgrade', 'exact_dynamic', 'exact_dynamic@200x200', 'audio_interstitial', 'video_interstitial']),
    );
    for (const n of named) {
      expect(findProcessor(n.job)?.list, n.at).toBe(n.list);
      expect(n.job, n.at).toMatch(/^runners\.screens\./);
    }
    expect(named.find((n) => n.list === 'image_interstitial')?.job).toBe('runners.screens.image_interstitial_process_image');
    expect(named.find((n) => n.list === 'exact_dynamic@200x200')?.job).toBe('runners.screens.hold_to_continue_process_image');
  });

  it('use the 125 ms fade as every transition default, nested defaults included', () => {
    const transitions = STARTER_SCREENS.flatMap((s) =>
      [...nodes(s.schema)].flatMap(([path, node]) =>
        node.default === undefined
          ? []
          : [...objectsIn(node.default)]
              .filter((o) => o.type === 'fade' || o.type === 'swipe' || o.type === 'wipe')
              .map((o) => ({ at: `${s.slug} ${path}`, value: o })),
      ),
    );
    expect(transitions.length).toBeGreaterThan(30);
    for (const t of transitions) expect(t, t.at).toEqual({ at: t.at, value: { type: 'fade', ms: 125 } });
  });

  it('carry no legacy flow-slug triggers and no environment-specific media defaults', () => {
    for (const screen of STARTER_SCREENS) {
      for (const [path, node] of nodes(screen.schema)) {
        const isMedia = node.format === 'image_uid' || node.format === 'content_uid';
        if (isMedia && 'default' in node) expect(node.default, `${screen.slug} ${path}`).toBeNull();
        if (path.endsWith('.trigger')) expect(node.format, `${screen.slug} ${path}`).toBeUndefined();
      }
    }
  });
});

describe('special flows', () => {
  it('are exactly the flows the engine requires at startup, without signup', () => {
    expect(SPECIAL_FLOW_SEEDS.map((f) => f.slug).sort()).toEqual([...SPECIAL_SLUGS].sort());
  });

  it.each(SPECIAL_FLOW_SEEDS.map((f) => [f.slug, f] as const))('%s has the minimal seed', (slug, flow) => {
    for (const schema of [flow.clientSchema, flow.serverSchema]) {
      expect(checkSchema(schema, { examples: 'required', registry })).toEqual([]);
      expect(validateValue(schema, {}).ok).toBe(true);
      // Only `skip` tolerates extra parameters.
      expect(validateValue(schema, { extra: 1 }).ok).toBe(slug === 'skip');
    }
    expect(flow.replaces).toBe(false);
    expect(flow.rules).toEqual([]);
    expect(hasFlowFlag(flow.flags, FlowFlag.IS_CUSTOM)).toBe(false);
    expect(flow.flags).toBe(slug === 'skip' ? 29 : 1);
    expect(flow.name).toBeTruthy();
    expect(flow.description).toBeTruthy();
    if (slug !== 'empty') expect(flow.screens).toEqual([]);
  });

  it("empty queues one text_interstitial, shown everywhere, whose fixed input alone satisfies the screen's schema", () => {
    const empty = flowBySlug('empty')!;
    expect(empty.screens).toHaveLength(1);
    const [fs] = empty.screens;
    expect(fs.screen.slug).toBe('text_interstitial');
    expect(fs.screen.variable).toEqual([]);
    expect(fs.flags).toBe(31);
    expect(fs.allowed_triggers).toEqual([]);
    expect(fs.rules).toEqual({ trigger: null, peek: null });
    expect(fs.name).toBeTruthy();
    const screen = screenBySlug('text_interstitial')!;
    expect(screen.flags).toBe(15);
    expect(validateValue(screen.schema, fs.screen.fixed).ok).toBe(true);
    expect(fs.screen.fixed.primary_button).toEqual({ text: 'Ok', trigger: { type: 'pop' } });
  });

  it("pass the engine's startup check once seeded", () => {
    const flows = (slug: string): ClientFlowDef | null => {
      const seed = flowBySlug(slug);
      return seed ? { ...seed, id: 1, uid: `oseh_cfl_${slug}` } : null;
    };
    const screens = (slug: string): ClientScreenDef | null => {
      const seed = screenBySlug(slug);
      return seed ? { ...seed, id: 1, uid: `oseh_cs_${slug}` } : null;
    };
    expect(checkSpecialFlows(flows, screens)).toEqual([]);
  });
});
