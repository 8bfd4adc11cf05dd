import { describe, expect, it, vi } from 'vitest';
import { screenFlags } from '../flags';
import { createCoreStandardParameters } from '../standard-parameters';
import { pop } from './pop';
import { MAX_REALIZE_ROUNDS, realizeFront } from './realize';
import { FakeDeps, flowDef, flowScreen, formattedTitle, operation, queuedRow, screenDef, statKeys, TITLE_SCHEMA, user } from './testing';
import { peek, serverTrigger } from './trigger';
import { EngineInternalError } from './types';

const slugs = ['s1', 's2', 's3', 's4', 's5', 's6'];
const screens = slugs.map((s) => screenDef(s));
const old = screenDef('old');
const ios = operation({ platform: 'ios' });
/** The screen's schema after a migration added a property without a default. */
const changed = (slug: string) =>
  screenDef(slug, {
    schema: { ...TITLE_SCHEMA, properties: { ...(TITLE_SCHEMA.properties as object), more: { type: 'string', example: 'm' } } },
  });

function sixScreenDeps() {
  return new FakeDeps({ screens: [...screens, old], flows: [flowDef('six', { screens: slugs.map((s) => flowScreen(s)) })] });
}

async function triggered(deps: FakeDeps) {
  const before = [queuedRow('old', old, { screen: flowScreen('old') })];
  return serverTrigger(deps, ios, before, { slug: 'six', client: {}, server: {} });
}

describe('prefetch (queue-engine.md §6.1)', () => {
  it('realizes the front and up to 3 rows of its batch, in order', async () => {
    const deps = sixScreenDeps();
    const first = await realizeFront(deps, ios, await triggered(deps));
    expect(first.active).toEqual({ slug: 's1', parameters: { title: 's1' } });
    expect(first.prefetch.map((p) => p.slug)).toEqual(['s2', 's3', 's4']);

    const popped = await pop(deps, ios, first.queue, { screenJwtSub: first.front.uid, trigger: null });
    const second = await realizeFront(deps, ios, popped);
    expect(second.active.slug).toBe('s2');
    expect(second.prefetch.map((p) => p.slug)).toEqual(['s3', 's4', 's5']);
  });

  it('never reaches into an older batch', async () => {
    const deps = sixScreenDeps();
    const out = await triggered(deps);
    const lastTwo = { ...out, queue: out.queue.slice(4) };
    const r = await realizeFront(deps, ios, lastTwo);
    expect([r.active.slug, ...r.prefetch.map((p) => p.slug)]).toEqual(['s5', 's6']);
  });

  it('does not skip-filter prefetch rows, and leaves out the ones that cannot be realized', async () => {
    const deps = sixScreenDeps();
    deps.addScreens(screenDef('s2', { flags: screenFlags(1 | 2) }));
    const out = await triggered(deps);
    // s3's screen schema changed after it was queued.
    out.queue[2] = { ...out.queue[2], clientScreen: changed('s3') };
    const r = await realizeFront(deps, ios, out);
    expect(r.prefetch.map((p) => p.slug)).toEqual(['s2', 's4']);
    expect(r.queue.map((q) => q.screen.screen.slug)).toContain('s3');
    expect(r.stats).toEqual(out.stats);
    expect(deps.warnings.map((w) => w.message)).toEqual(['prefetch screen cannot be realized; left out']);
  });
});

describe('realization', () => {
  it('computes standard parameters once per response, for the paths of the front and prefetch only', async () => {
    const standard = createCoreStandardParameters();
    const compute = vi.spyOn(standard, 'compute');
    const deps = new FakeDeps({
      standard,
      screens,
      flows: [
        flowDef('greet', {
          screens: [
            formattedTitle('s1', 'Hi {standard[name][given]}'),
            formattedTitle('s2', 'Good {standard[time_of_day][lower]}'),
            flowScreen('s3'),
          ],
        }),
      ],
    });
    const out = await serverTrigger(deps, ios, [], { slug: 'greet', client: {}, server: {} });
    compute.mockClear();
    const r = await realizeFront(deps, operation({ platform: 'ios', user: user({ givenName: 'Renamed' }) }), out);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(compute.mock.calls[0][0]).toEqual([
      ['name', 'given'],
      ['time_of_day', 'lower'],
    ]);
    // Standard parameters follow the user's state now, not at trigger time.
    expect(r.active.parameters).toEqual({ title: 'Hi Renamed' });
    expect(r.prefetch[0].parameters.title).toMatch(/^Good (morning|afternoon|evening)$/);
  });

  it('removes a front that no longer realizes, resolves error_screen_schema and stabilizes again (§3.7)', async () => {
    const deps = sixScreenDeps();
    deps.addScreens(screenDef('oops')).addFlows(flowDef('error_screen_schema', { screens: [flowScreen('oops')] }));
    const out = await triggered(deps);
    out.queue[0] = { ...out.queue[0], clientScreen: changed('s1') };
    const r = await realizeFront(deps, ios, out);
    expect(r.active).toEqual({ slug: 'oops', parameters: { title: 'oops' } });
    expect(r.prefetch).toEqual([]);
    expect(r.queue.map((q) => q.screen.screen.slug)).not.toContain('s1');
    expect(statKeys(r).slice(-2)).toEqual(['queued server:None:oops', 'triggered server:None:error_screen_schema:True']);
    expect(r.flowsTriggered).toEqual(['six', 'error_screen_schema']);
  });

  it('with the seeded error_screen_schema the next row becomes the front', async () => {
    const deps = sixScreenDeps();
    const out = await triggered(deps);
    out.queue[0] = { ...out.queue[0], screen: flowScreen('s1', { fixed: {} }) };
    const r = await realizeFront(deps, ios, out);
    expect(r.active.slug).toBe('s2');
    expect(r.prefetch.map((p) => p.slug)).toEqual(['s3', 's4', 's5']);
  });

  it(`fails after ${MAX_REALIZE_ROUNDS} rounds`, async () => {
    const broken = (uid: string) => queuedRow(uid, screens[0], { screen: flowScreen('s1', { fixed: {} }) });
    const deps = sixScreenDeps();
    const out = await peek(deps, ios, ['b1', 'b2', 'b3', 'b4'].map(broken));
    await expect(realizeFront(deps, ios, out)).rejects.toBeInstanceOf(EngineInternalError);
    const fewer = await peek(deps, ios, ['b1', 'b2', 'ok'].map((u) => (u === 'ok' ? queuedRow(u, screens[0]) : broken(u))));
    expect((await realizeFront(deps, ios, fewer)).front.uid).toBe('ok');
  });
});
