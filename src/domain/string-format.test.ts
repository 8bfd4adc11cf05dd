import { describe, expect, it } from 'vitest';
import type { JsonValue } from './json';
import {
  formatE164,
  formatKeyStep,
  formatToString,
  parseStringFormat,
  renderStringFormat,
  type FormatPart,
} from './string-format';

const field = (root: 'client' | 'server' | 'standard', path: string[], index: number, spec: 'e164' | null = null): FormatPart => ({
  kind: 'field',
  root,
  path,
  spec,
  index,
});

const parts = (format: string) => {
  const r = parseStringFormat(format);
  if (!r.ok) throw new Error(r.error);
  return r.parts;
};

const render = (format: string, client: JsonValue = {}, server: JsonValue = {}, standard: JsonValue = {}) => {
  const r = parseStringFormat(format);
  return r.ok ? renderStringFormat(r.parts, { client, server, standard }) : r;
};

describe('parseStringFormat (queue-engine.md §4.3)', () => {
  it('splits literals and placeholders, numbering placeholders from 0', () => {
    expect(parts('Hi {client[name]}, {standard[time_of_day][lower]}!')).toEqual([
      { kind: 'literal', text: 'Hi ' },
      field('client', ['name'], 0),
      { kind: 'literal', text: ', ' },
      field('standard', ['time_of_day', 'lower'], 1),
      { kind: 'literal', text: '!' },
    ]);
    expect(parts('')).toEqual([]);
    expect(parts('{server[a]}{server[b]}')).toEqual([field('server', ['a'], 0), field('server', ['b'], 1)]);
  });

  it('turns {{ and }} into literal braces, merged with the text around them', () => {
    expect(parts('a{{b}}c')).toEqual([{ kind: 'literal', text: 'a{b}c' }]);
    expect(parts('{{{client[name]}}}')).toEqual([
      { kind: 'literal', text: '{' },
      field('client', ['name'], 0),
      { kind: 'literal', text: '}' },
    ]);
  });

  it('keeps keys as raw text up to ]', () => {
    expect(parts('{client[items][0][a b.c]}')).toEqual([field('client', ['items', '0', 'a b.c'], 0)]);
    expect(parts('{client[{x}]}')).toEqual([field('client', ['{x}'], 0)]);
    expect(parts('{client[007]}')).toEqual([field('client', ['007'], 0)]);
  });

  it('accepts the e164 spec', () => {
    expect(parts('{server[phone]:e164}')).toEqual([field('server', ['phone'], 0, 'e164')]);
  });

  it.each([
    ['a } b', /single '}'/],
    ['}', /single '}'/],
    ['{client}', /at least one \[key\]/],
    ['{}', /root/],
    ['{user[name]}', /root/],
    ['{ client[name]}', /root/],
    ['{client.name}', /at least one \[key\]/],
    ['{client[a].b}', /dots/],
    ['{client[a]b}', /unexpected/],
    ['{client[]}', /empty key/],
    ['{client[a}', /unclosed/],
    ['{client[a]', /missing closing/],
    ['{', /root/],
    ['{client[a]!r}', /conversion/],
    ['{client[a]:>10}', /format spec ">10"/],
    ['{client[a]:}', /format spec ""/],
    ['{client[a]:e164!r}', /format spec/],
    ['{client[a]:e164', /missing closing/],
    ['{0[a]}', /root/],
  ])('rejects %j', (format, message) => {
    const r = parseStringFormat(format);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('renderStringFormat', () => {
  it('renders the spec example', () => {
    expect(render('{{{client[name]}}} has {client[n]} items', { name: 'Ann', n: 3 })).toEqual({ ok: true, value: '{Ann} has 3 items' });
  });

  it('reads each root', () => {
    expect(render('{client[a]}-{server[a]}-{standard[name][given]}', { a: 'c' }, { a: 's' }, { name: { given: 'G' } })).toEqual({
      ok: true,
      value: 'c-s-G',
    });
  });

  it('renders scalars with the project rules', () => {
    const values: [JsonValue, string][] = [
      ['text', 'text'],
      ['', ''],
      [42, '42'],
      [-7, '-7'],
      [1.5, '1.5'],
      [1.0, '1'],
      [1e21, '1000000000000000000000'],
      [0.1 + 0.2, '0.30000000000000004'],
      [true, 'true'],
      [false, 'false'],
      [null, ''],
    ];
    for (const [v, expected] of values) expect(render('<{client[v]}>', { v })).toEqual({ ok: true, value: `<${expected}>` });
  });

  it('fails on objects and arrays', () => {
    expect(render('{client[v]}', { v: { a: 1 } })).toEqual({ ok: false, error: expect.stringContaining('client[v]: cannot render an object') });
    expect(render('{client[v]}', { v: [1] })).toEqual({ ok: false, error: expect.stringContaining('cannot render an array') });
  });

  it('indexes arrays with digit-only keys and objects with any key', () => {
    expect(render('{client[items][1][t]}', { items: [{ t: 'a' }, { t: 'b' }] })).toEqual({ ok: true, value: 'b' });
    expect(render('{client[m][1]}', { m: { '1': 'one' } })).toEqual({ ok: true, value: 'one' });
    expect(render('{client[items][01]}', { items: ['x', 'y'] })).toEqual({ ok: true, value: 'y' });
  });

  it('fails on any path that does not resolve', () => {
    const cases: [string, JsonValue][] = [
      ['{client[missing]}', { a: 1 }],
      ['{client[items][2]}', { items: [1, 2] }],
      ['{client[items][x]}', { items: [1, 2] }],
      ['{client[a][b]}', { a: 'str' }],
      ['{client[a][b]}', { a: null }],
      ['{client[toString]}', {}],
    ];
    for (const [format, client] of cases) {
      const r = render(format, client);
      expect(r.ok, format).toBe(false);
      if (!r.ok) expect(r.error, format).toContain(format.slice(1, -1));
    }
  });

  it('applies e164 left on a server string, and fails for other roots or types', () => {
    expect(render('{server[p]:e164}', {}, { p: '+15555550123' })).toEqual({ ok: true, value: '+1 555-555-0123' });
    expect(render('{client[p]:e164}', { p: '+15555550123' }).ok).toBe(false);
    expect(render('{server[p]:e164}', {}, { p: 15555550123 }).ok).toBe(false);
  });

  it('renders parts built in code with numeric steps', () => {
    expect(renderStringFormat([field('client', ['a'], 0), { kind: 'field', root: 'client', path: ['l', 0], spec: null, index: 1 }], {
      client: { a: 'x', l: ['y'] },
      server: {},
      standard: {},
    })).toEqual({ ok: true, value: 'xy' });
  });
});

describe('formatKeyStep', () => {
  it('is a number only for digit keys into arrays', () => {
    expect(formatKeyStep([1], '0')).toBe(0);
    expect(formatKeyStep([1], '-1')).toBe('-1');
    expect(formatKeyStep({ '0': 1 }, '0')).toBe('0');
    expect(formatKeyStep({}, 3)).toBe('3');
  });
});

describe('formatToString', () => {
  it.each([
    'plain',
    '{{{client[name]}}} has {client[n]} items',
    'a}}b{{c',
    '{server[a][0][b c]:e164}',
    '{client[{x}]}x{standard[name][full]}',
    '',
  ])('round-trips %j', (format) => {
    expect(formatToString(parts(format))).toBe(format);
    expect(parseStringFormat(formatToString(parts(format)))).toEqual({ ok: true, parts: parts(format) });
  });

  it('escapes braces in literals and writes numeric steps as digits', () => {
    expect(formatToString([{ kind: 'literal', text: '{a}' }, field('server', ['__extracted', 'title', '_0'], 0)])).toBe(
      '{{a}}{server[__extracted][title][_0]}',
    );
    expect(formatToString([{ kind: 'field', root: 'client', path: ['l', 2], spec: null, index: 0 }])).toBe('{client[l][2]}');
  });

  it('refuses keys no format string can express', () => {
    expect(() => formatToString([field('client', ['a]b'], 0)])).toThrow(RangeError);
    expect(() => formatToString([field('client', [''], 0)])).toThrow(RangeError);
  });
});

describe('formatE164', () => {
  it('formats +1 followed by 10 characters', () => {
    expect(formatE164('+15555550123')).toBe('+1 555-555-0123');
    expect(formatE164('+1abcdefghij')).toBe('+1 abc-def-ghij');
  });

  it('leaves everything else unchanged', () => {
    for (const v of ['+1555555012', '+155555501234', '+445555550123', '15555550123', '', '+1 555-555-0123']) {
      expect(formatE164(v)).toBe(v);
    }
  });
});
