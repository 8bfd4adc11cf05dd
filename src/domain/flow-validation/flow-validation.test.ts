import { describe, expect, it } from 'vitest';
import { STARTER_SCREENS } from '../../content/screens';
import { screenFlags } from '../flags';
import type { ClientScreenDef, FlowRule, FlowScreen, Schema } from '../model';
import { FormatRegistry } from '../schema';
import { createCoreStandardParameters } from '../standard-parameters';
import {
  checkTestScreen, findFlowReferences, parseFlowRules, parseFlowScreens, validateFlow, type FlowContext, type FlowDraft,
} from '.';

const EMPTY: Schema = { type: 'object', properties: {}, additionalProperties: false, example: {} };
const NAME_SCHEMA: Schema = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', example: 'Ann' }, age: { type: 'integer', example: 3, default: 1 } },
  example: { name: 'Ann' },
};

const screens = new Map<string, ClientScreenDef>(
  STARTER_SCREENS.map((s, i) => [s.slug, { id: i + 1, uid: `oseh_cs_${s.slug}`, slug: s.slug, schema: s.schema, flags: s.flags }]),
);

function context(overrides: Partial<FlowContext> = {}, flows: Record<string, string[]> = { other: [] }): FlowContext {
  return {
    registry: new FormatRegistry(),
    standard: createCoreStandardParameters(),
    screen: (slug) => screens.get(slug),
    flowExists: (slug) => Object.hasOwn(flows, slug) || slug === 'mine',
    replaceTargets: (slug) => flows[slug] ?? [],
    ...overrides,
  };
}

function card(fixed: Record<string, unknown>, more: Partial<FlowScreen> & { variable?: unknown[]; slug?: string } = {}): FlowScreen {
  const { variable, slug, ...rest } = more;
  return {
    screen: { slug: slug ?? 'confirmation', fixed: fixed as FlowScreen['screen']['fixed'], variable: (variable ?? []) as FlowScreen['screen']['variable'] },
    name: null,
    allowed_triggers: [],
    flags: 31,
    rules: { trigger: null, peek: null },
    ...rest,
  } as FlowScreen;
}

const OK = { header: 'Hi', message: 'There' };

function draft(parts: Partial<FlowDraft>): FlowDraft {
  return { slug: 'mine', clientSchema: EMPTY, serverSchema: EMPTY, screens: [], rules: [], flags: 31, ...parts };
}

const codes = (d: FlowDraft, ctx = context()) => validateFlow(d, ctx).map((i) => `${i.code} ${i.path}`);

describe('strict parsing of flow documents', () => {
  it('normalizes a flow screen and accepts every variable kind', () => {
    const parsed = parseFlowScreens(
      [
        {
          screen: {
            slug: 'confirmation',
            fixed: { header: null },
            variable: [
              { type: 'string_format', format: '{client[name]}', output_path: ['message'] },
              { type: 'copy', input_path: ['server', 'x'], output_path: ['a', 0, 'b'] },
              { type: 'extract', input_path: ['server', 'course'], extracted_path: ['title'], output_path: ['header'] },
            ],
          },
          allowed_triggers: ['skip'],
          flags: 31,
        },
      ],
      ['body', 'screens'],
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value[0].rules).toEqual({ trigger: null, peek: null });
    expect(parsed.value[0].name).toBeNull();
    expect(parsed.value[0].screen.fixed).toEqual({ header: null }); // free-form JSON is never altered
    expect(parsed.value[0].screen.variable[2]).toMatchObject({ skip_if_missing: false });
  });

  it('reports every unknown key and malformed path with its location', () => {
    const parsed = parseFlowScreens(
      [
        {
          screen: { slug: 'confirmation', fixed: {}, variable: [{ type: 'copy', input_path: ['client', 'a'], output_path: ['a', 0], extra: 1 }] },
          allowed_triggers: [],
          flags: 31,
          rules: { trigger: { verison: { operator: 'eq', value: 1 } } },
          colour: 'red',
        },
      ],
      ['body', 'patch', 'screens'],
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.loc.join('.'))).toEqual(
      expect.arrayContaining([
        'body.patch.screens.0.colour',
        'body.patch.screens.0.screen.variable.0.extra',
        'body.patch.screens.0.screen.variable.0.output_path.1',
        'body.patch.screens.0.rules.trigger.verison',
      ]),
    );
  });

  it('checks rule effects and predicate arity', () => {
    const ok = parseFlowRules([{ condition: {}, effect: { type: 'skip' } }], ['rules']);
    expect(ok.ok).toBe(true);
    const bad = parseFlowRules(
      [
        { condition: { version: { operator: 'bt', value: 3 } }, effect: { type: 'replace', slug: 'x', client_parameters: { type: 'copy' } } },
        { condition: {}, effect: { type: 'skip', slug: 'x' } },
      ],
      ['rules'],
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.loc.join('.'))).toEqual(['rules.0.condition.version.value', 'rules.0.effect.server_parameters', 'rules.1.effect.slug']);
  });
});

describe('flow validation (admin-api §6.3-§6.4)', () => {
  it('accepts a sound flow', () => {
    expect(codes(draft({ screens: [card(OK)] }))).toEqual([]);
  });

  it('accepts variables whose inputs fit their targets', () => {
    const fs = card({ header: 'Hi' }, {
      variable: [
        { type: 'string_format', format: 'Hello {client[name]} ({standard[name][given]})', output_path: ['message'] },
        { type: 'copy', input_path: ['client', 'age'], output_path: ['entrance', 'ms'] },
      ],
      ...{},
    });
    fs.screen.fixed.entrance = { type: 'fade' };
    expect(codes(draft({ clientSchema: NAME_SCHEMA, screens: [fs] }))).toEqual([]);
  });

  it('lists every issue, not the first', () => {
    const result = codes(
      draft({
        flags: -1,
        screens: [
          card({ header: 3, message: 'x' }, { allowed_triggers: ['nowhere', 'skip'] }),
          card(OK, { slug: 'no_such_screen' }),
          card({ message: 'x' }, { variable: [{ type: 'string_format', format: '{name}', output_path: ['header'] }] }),
        ],
      }),
    );
    expect(result).toEqual([
      'flags_out_of_range flags',
      'unknown_trigger_flow screens[0].allowed_triggers[0]',
      'fixed_mismatch screens[0].screen.fixed.header',
      'screen_not_found screens[1].screen.slug',
      'bad_format_string screens[2].screen.variable[0].format',
    ]);
  });

  it('refuses fixed + examples that cannot satisfy the screen schema', () => {
    expect(codes(draft({ screens: [card({ header: 'only a header' })] }))).toEqual(['example_mismatch screens[0].screen']);
    const intoHeader = card({ message: 'x' }, { variable: [{ type: 'copy', input_path: ['client', 'age'], output_path: ['header'] }] });
    expect(codes(draft({ clientSchema: NAME_SCHEMA, screens: [intoHeader] }))).toEqual(['example_mismatch screens[0].screen.variable[0].input_path']);
  });

  it('refuses client or standard input into an unsafe format, but not server input', () => {
    const image = (root: string) =>
      card(
        { top: 't', header: 'h', message: 'm' },
        { slug: 'image_interstitial', variable: [{ type: 'copy', input_path: [root, 'image'], output_path: ['image'] }] },
      );
    const schema: Schema = { type: 'object', required: ['image'], properties: { image: { type: 'string', example: 'oseh_if_0000000000000000000000' } }, example: { image: 'oseh_if_0000000000000000000000' } };
    expect(codes(draft({ clientSchema: schema, screens: [image('client')] }))).toEqual(['unsafe_target screens[0].screen.variable[0].output_path']);
    expect(codes(draft({ serverSchema: schema, screens: [image('server')] }))).toEqual([]);
    const formatted = card({ message: 'm', top: 't', header: 'h' }, {
      slug: 'image_interstitial',
      variable: [{ type: 'string_format', format: '{standard[name][given]}', output_path: ['image'] }],
    });
    expect(codes(draft({ screens: [formatted] }))).toContain('unsafe_target screens[0].screen.variable[0].output_path');
  });

  it('checks input paths: roots, standard parameters, optional and nullable steps', () => {
    const copy = (input_path: unknown[]) => card({ message: 'm' }, { variable: [{ type: 'copy', input_path, output_path: ['header'] }] });
    const withOptional: Schema = {
      type: 'object',
      properties: { nick: { type: 'string', example: 'a', nullable: true, default: null } },
      example: {},
    };
    expect(codes(draft({ screens: [copy(['elsewhere', 'x'])] }))).toEqual(['bad_input_path screens[0].screen.variable[0].input_path']);
    expect(codes(draft({ screens: [copy(['standard', 'name', 'middle'])] }))).toEqual([
      'unknown_standard_parameter screens[0].screen.variable[0].input_path',
    ]);
    expect(codes(draft({ clientSchema: withOptional, screens: [copy(['client', 'nick'])] }))).toEqual([
      'nullable_mismatch screens[0].screen.variable[0].output_path',
    ]);
    expect(codes(draft({ clientSchema: NAME_SCHEMA, screens: [copy(['client', 'name', 'first'])] }))).toEqual([
      'bad_input_path screens[0].screen.variable[0].input_path',
    ]);
  });

  it('checks targets, redundancy and discriminators', () => {
    const v = (output_path: unknown[], fixed: Record<string, unknown> = { message: 'm' }) =>
      card(fixed, { variable: [{ type: 'string_format', format: 'x', output_path }] });
    expect(codes(draft({ screens: [v(['nope'])] }))).toEqual(['bad_target_path screens[0].screen.variable[0].output_path']);
    expect(codes(draft({ screens: [v(['header'], { ...OK })] }))).toEqual(['redundant_fixed screens[0].screen.variable[0].output_path']);
    expect(codes(draft({ screens: [v(['trigger', 'type'], { ...OK, trigger: {} })] }))).toEqual([
      'discriminator_must_be_fixed screens[0].screen.fixed.trigger.type',
      'discriminator_must_be_fixed screens[0].screen.variable[0].output_path',
    ]);
    expect(codes(draft({ screens: [card({ ...OK, trigger: { type: 'teleport' } })] }))).toEqual([
      'discriminator_not_allowed screens[0].screen.fixed.trigger.type',
    ]);
    expect(codes(draft({ screens: [card({ ...OK, colour: 'red' })] }))).toEqual(['fixed_mismatch screens[0].screen.fixed.colour']);
  });

  it('requires flow_slug values to be allowed triggers of the screen', () => {
    const trigger = { type: 'flow', flow: 'other' };
    expect(codes(draft({ screens: [card({ ...OK, trigger })] }))).toEqual(['flow_slug_not_allowed screens[0].screen.fixed.trigger.flow']);
    expect(codes(draft({ screens: [card({ ...OK, trigger }, { allowed_triggers: ['other'] })] }))).toEqual([]);
    expect(codes(draft({ screens: [card({ ...OK, trigger: { type: 'flow', flow: 'skip' } })] }))).toEqual([]);
  });

  it('checks rule targets and replace cycles over all flows', () => {
    const replace = (slug: string): FlowRule => ({
      condition: {},
      effect: { type: 'replace', slug, client_parameters: { type: 'omit' }, server_parameters: { type: 'omit' } },
    });
    const ctx = context({}, { a: ['b'], b: ['mine'], other: [] });
    expect(codes(draft({ rules: [replace('mine')] }), ctx)).toEqual(['self_replacement rules[0].effect.slug']);
    expect(codes(draft({ rules: [replace('ghost')] }), ctx)).toEqual(['unknown_replacement_flow rules[0].effect.slug']);
    expect(codes(draft({ rules: [replace('other'), replace('a')] }), ctx)).toEqual(['replacement_cycle rules[1].effect.slug']);
  });

  it('checks the parameter schemas with the flow rules of the checker', () => {
    const result = codes(draft({ clientSchema: { type: 'object', properties: { a: { type: 'string', example: 'x' } }, example: {} }, serverSchema: { $ref: '#/x' } }));
    expect(result).toEqual(expect.arrayContaining(['schema_bad_default client_schema.a', 'schema_ref_forbidden server_schema']));
  });

  it('limits screens per flow to 64', () => {
    expect(codes(draft({ screens: Array.from({ length: 65 }, () => card(OK)) }))).toEqual(['too_many_screens screens']);
  });
});

describe('test_screen static checks (§9.2 steps 1-9)', () => {
  const ctx = { registry: new FormatRegistry(), standard: createCoreStandardParameters(), screen: (s: string) => screens.get(s), flowExists: () => true };
  const base = { clientSchema: EMPTY, serverSchema: EMPTY, flowScreen: card(OK), clientParameters: {}, serverParameters: {} };

  it('answers with the first failure in the documented order', () => {
    expect(checkTestScreen(base, ctx)).toBeNull();
    expect(checkTestScreen({ ...base, clientSchema: { type: 'object' }, clientParameters: { x: 1 } }, ctx)?.reason).toBe('client_schema_invalid');
    expect(checkTestScreen({ ...base, clientParameters: { x: 1 } }, ctx)?.reason).toBe('client_parameters_mismatch');
    expect(checkTestScreen({ ...base, serverParameters: { x: 1 } }, ctx)?.reason).toBe('server_parameters_mismatch');
    expect(checkTestScreen({ ...base, flowScreen: card(OK, { slug: 'gone' }) }, ctx)?.reason).toBe('screen_not_found');
    expect(checkTestScreen({ ...base, flowScreen: card({ header: 1 }) }, ctx)?.reason).toBe('screen_input_parameters_wont_match');
    const redundant = card(OK, { variable: [{ type: 'string_format', format: 'x', output_path: ['header'] }] });
    expect(checkTestScreen({ ...base, flowScreen: redundant }, ctx)?.reason).toBe('screen_input_parameters_redundant');
    const unsafe = card({ top: 't', header: 'h', message: 'm' }, {
      slug: 'image_interstitial',
      variable: [{ type: 'string_format', format: '{standard[name][given]}', output_path: ['image'] }],
    });
    expect(checkTestScreen({ ...base, flowScreen: unsafe }, ctx)?.reason).toBe('screen_is_unsafe');
  });
});

describe('references to a flow (delete, §7)', () => {
  it('finds allowed triggers, replace rules and flow_slug values in fixed', () => {
    const flows = [
      {
        uid: 'u1',
        slug: 'one',
        screens: [card(OK, { allowed_triggers: ['x', 'target'] }), card({ ...OK, trigger: { type: 'flow', flow: 'target' } })],
        rules: [{ condition: {}, effect: { type: 'replace', slug: 'target', client_parameters: { type: 'omit' }, server_parameters: { type: 'omit' } } }] as FlowRule[],
      },
      { uid: 'u2', slug: 'target', screens: [card(OK, { allowed_triggers: ['target'] })], rules: [] },
    ];
    expect(findFlowReferences('target', flows, (s) => screens.get(s)?.schema)).toEqual([
      { uid: 'u1', slug: 'one', location: 'screens[0].allowed_triggers[1]' },
      { uid: 'u1', slug: 'one', location: 'screens[1].screen.fixed.trigger.flow' },
      { uid: 'u1', slug: 'one', location: 'rules[0].effect.slug' },
    ]);
  });
});


