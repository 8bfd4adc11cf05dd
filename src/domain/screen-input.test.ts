import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json';
import type { FlowScreen, ScreenVariable } from './model';
import { produceScreenInput, standardPathsOf, type InputRoots } from './screen-input';

const screen = (fixed: JsonObject, ...variable: ScreenVariable[]): FlowScreen['screen'] => ({ slug: 's', fixed, variable });

const roots = (over: Partial<InputRoots> = {}): InputRoots => ({
  client: { name: 'Ann', n: 3, tags: ['a', 'b'], obj: { k: 'v' } },
  server: { phone: '+15555550123', __extracted: { header: { title: 'Course' } } },
  standard: { name: { given: 'Ann', full: 'Ann Lee' } },
  ...over,
});

const produce = (s: FlowScreen['screen'], r = roots()) => produceScreenInput(s, r);

describe('produceScreenInput (queue-engine.md §4.2)', () => {
  it('starts from a deep copy of fixed', () => {
    const fixed = { header: 'Hi', nested: { a: 1 } };
    const r = produce(screen(fixed, { type: 'copy', input_path: ['client', 'name'], output_path: ['nested', 'b'] }));
    expect(r).toEqual({ ok: true, value: { header: 'Hi', nested: { a: 1, b: 'Ann' } } });
    expect(fixed).toEqual({ header: 'Hi', nested: { a: 1 } });
  });

  it('copies from each root, creating intermediate objects', () => {
    const r = produce(
      screen(
        {},
        { type: 'copy', input_path: ['client', 'tags', 1], output_path: ['a', 'b', 'tag'] },
        { type: 'copy', input_path: ['server', 'phone'], output_path: ['phone'] },
        { type: 'copy', input_path: ['standard', 'name', 'given'], output_path: ['given'] },
        { type: 'copy', input_path: ['client', 'obj'], output_path: ['obj'] },
      ),
    );
    expect(r).toEqual({ ok: true, value: { a: { b: { tag: 'b' } }, phone: '+15555550123', given: 'Ann', obj: { k: 'v' } } });
  });

  it('never lets a later write reach the caller parameters', () => {
    const r = roots();
    const out = produce(
      screen(
        {},
        { type: 'copy', input_path: ['client', 'obj'], output_path: ['obj'] },
        { type: 'copy', input_path: ['client', 'name'], output_path: ['obj', 'k'] },
      ),
      r,
    );
    expect(out).toEqual({ ok: true, value: { obj: { k: 'Ann' } } });
    expect(r.client.obj).toEqual({ k: 'v' });
  });

  it('renders string_format values', () => {
    const r = produce(screen({ body: 'x' }, { type: 'string_format', format: '{{{client[name]}}} has {client[n]} items', output_path: ['body'] }));
    expect(r).toEqual({ ok: true, value: { body: '{Ann} has 3 items' } });
  });

  it('reads extract values from server.__extracted at the output path', () => {
    const r = produce(
      screen({}, { type: 'extract', input_path: ['server', 'course'], extracted_path: ['title'], output_path: ['header', 'title'], skip_if_missing: false }),
    );
    expect(r).toEqual({ ok: true, value: { header: { title: 'Course' } } });
  });

  it('applies variables in order, later ones overwriting fixed and earlier ones', () => {
    const r = produce(
      screen(
        { t: 'fixed' },
        { type: 'copy', input_path: ['client', 'name'], output_path: ['t'] },
        { type: 'string_format', format: 'n={client[n]}', output_path: ['t'] },
      ),
    );
    expect(r).toEqual({ ok: true, value: { t: 'n=3' } });
  });

  it.each<[string, ScreenVariable, RegExp]>([
    ['a missing copy input', { type: 'copy', input_path: ['client', 'nope'], output_path: ['x'] }, /variable\[0\] \(copy\)/],
    ['an unknown copy root', { type: 'copy', input_path: ['user', 'name'], output_path: ['x'] }, /must start with client, server or standard/],
    ['an empty copy input', { type: 'copy', input_path: [], output_path: ['x'] }, /must start with/],
    ['an object in a format', { type: 'string_format', format: '{client[obj]}', output_path: ['x'] }, /cannot render an object/],
    ['a bad format', { type: 'string_format', format: 'a } b', output_path: ['x'] }, /single '}'/],
    ['a missing format field', { type: 'string_format', format: '{standard[name][family]}', output_path: ['x'] }, /standard\[name\]\[family\]/],
    [
      'a missing extracted value',
      { type: 'extract', input_path: ['server', 'c'], extracted_path: ['t'], output_path: ['other'], skip_if_missing: true },
      /variable\[0\] \(extract\)/,
    ],
    ['an empty output path', { type: 'copy', input_path: ['client', 'name'], output_path: [] }, /variable\[0\]/],
    ['an output path ending in an index', { type: 'copy', input_path: ['client', 'name'], output_path: ['tags', 0] }, /variable\[0\]/],
  ])('fails on %s', (_, variable, message) => {
    const r = produce(screen({ tags: ['z'] }, variable));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('reports the index of the failing variable', () => {
    const r = produce(
      screen(
        {},
        { type: 'copy', input_path: ['client', 'name'], output_path: ['a'] },
        { type: 'copy', input_path: ['client', 'name', 'x'], output_path: ['b'] },
      ),
    );
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^variable\[1\] \(copy\): /) });
  });
});

describe('standardPathsOf', () => {
  it('collects standard copy inputs and placeholders, once each, without the root', () => {
    const s = screen(
      { fixed: '{standard[ignored][x]}' },
      { type: 'copy', input_path: ['standard', 'name', 'given'], output_path: ['a'] },
      { type: 'copy', input_path: ['client', 'name'], output_path: ['b'] },
      { type: 'string_format', format: 'Good {standard[time_of_day][lower]}, {standard[name][given]} {client[x]} {server[y]}', output_path: ['c'] },
      { type: 'string_format', format: '{standard[constants][fast_anim_ms]}', output_path: ['d'] },
      { type: 'extract', input_path: ['server', 'standard'], extracted_path: ['standard'], output_path: ['e'], skip_if_missing: false },
    );
    expect(standardPathsOf(s)).toEqual([
      ['name', 'given'],
      ['time_of_day', 'lower'],
      ['constants', 'fast_anim_ms'],
    ]);
  });

  it('includes a whole-root copy as the empty path, and ignores unparsable formats', () => {
    const s = screen(
      {},
      { type: 'copy', input_path: ['standard'], output_path: ['all'] },
      { type: 'string_format', format: '{standard[name][given]', output_path: ['x'] },
    );
    expect(standardPathsOf(s)).toEqual([[]]);
  });

  it('is empty for a screen without standard inputs', () => {
    expect(standardPathsOf(screen({ a: 1 }, { type: 'copy', input_path: ['client', 'name'], output_path: ['a'] }))).toEqual([]);
  });
});
