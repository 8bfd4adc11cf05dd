import { describe, expect, it } from 'vitest';
import { STARTER_SCREENS } from '../../content/screens';
import type { ClientScreenDef, FlowScreen, Schema } from '../model';
import { FormatRegistry } from '../schema';
import { createCoreStandardParameters } from '../standard-parameters';
import { validateFlow, type FlowContext, type ResourceCheck } from '.';

const EMPTY: Schema = { type: 'object', properties: {}, additionalProperties: false, example: {} };
const screens = new Map<string, ClientScreenDef>(
  STARTER_SCREENS.map((s, i) => [s.slug, { id: i + 1, uid: `oseh_cs_${s.slug}`, slug: s.slug, schema: s.schema, flags: s.flags }]),
);

const flowScreen = (slug: string, fixed: Record<string, unknown>): FlowScreen =>
  ({
    screen: { slug, fixed, variable: [] },
    name: null,
    allowed_triggers: [],
    flags: 31,
    rules: { trigger: null, peek: null },
  }) as unknown as FlowScreen;

/** Issues of a one-screen flow, with the asked (format, uid, list) recorded. */
function check(fs: FlowScreen, answer: ResourceCheck | undefined) {
  const asked: [string, string, string | null][] = [];
  const ctx: FlowContext = {
    registry: new FormatRegistry(),
    standard: createCoreStandardParameters(),
    screen: (slug) => screens.get(slug),
    flowExists: () => true,
    replaceTargets: () => [],
    checkResource: (format, uid, list) => {
      asked.push([format, uid, list]);
      return answer;
    },
  };
  const issues = validateFlow({ slug: 'mine', clientSchema: EMPTY, serverSchema: EMPTY, screens: [fs], rules: [], flags: 31 }, ctx);
  return { asked, codes: issues.map((i) => `${i.code} ${i.path}`), issues };
}

const pic = flowScreen('image_interstitial', { top: 'A', image: 'oseh_if_pic', header: 'H', message: 'M' });

describe('media references in fixed (§1.6.2: existence and list membership)', () => {
  it('asks about each image with the list from x-processor', () => {
    const r = check(pic, 'found');
    expect(r.asked).toEqual([['image_uid', 'oseh_if_pic', 'image_interstitial']]);
    expect(r.codes).toEqual([]);
  });

  it('a missing image and an image of another list are refused with their own codes', () => {
    expect(check(pic, 'missing').codes).toEqual(['resource_not_found screens[0].screen.fixed.image']);
    const wrong = check(pic, 'wrong_list');
    expect(wrong.codes).toEqual(['resource_wrong_list screens[0].screen.fixed.image']);
    expect(wrong.issues[0].message).toContain("'image_interstitial'");
  });

  it('a fixed exact-dynamic list is asked as is', () => {
    const r = check(flowScreen('hold_to_continue', { image: 'oseh_if_h', instructions: 'i', title: 't', body: 'b' }), 'found');
    expect(r.asked).toEqual([['image_uid', 'oseh_if_h', 'exact_dynamic@200x200']]);
  });

  it('an x-dynamic-size field asks for {list}@{w}x{h} with the size from fixed', () => {
    const image = { ios: { image: 'oseh_if_i', width: 120, height: 60 }, other: { image: 'oseh_if_o', width: 200, height: 200 } };
    const r = check(flowScreen('add_push_token', { image }), 'found');
    expect(r.asked).toEqual([
      ['image_uid', 'oseh_if_i', 'exact_dynamic@120x60'],
      ['image_uid', 'oseh_if_o', 'exact_dynamic@200x200'],
    ]);
  });

  it('unknown kinds (undefined) are not refused here', () => {
    expect(check(pic, undefined).codes).toEqual([]);
  });
});
