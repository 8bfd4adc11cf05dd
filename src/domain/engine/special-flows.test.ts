import { describe, expect, it } from 'vitest';
import { flowFlags, flowScreenFlags, screenFlags } from '../flags';
import type { ClientFlowDef, ClientScreenDef } from '../model';
import { checkSpecialFlows, REQUIRED_SPECIAL_FLOWS } from './special-flows';
import { flowDef, flowScreen, screenDef, specialFlows, TITLE_SCHEMA } from './testing';

function check(flows: ClientFlowDef[], screens: ClientScreenDef[] = [screenDef('caught_up')]) {
  const f = new Map(flows.map((x) => [x.slug, x]));
  const s = new Map(screens.map((x) => [x.slug, x]));
  return checkSpecialFlows((slug) => f.get(slug) ?? null, (slug) => s.get(slug) ?? null);
}
const replaced = (flow: ClientFlowDef) => specialFlows().map((f) => (f.slug === flow.slug ? flow : f));

describe('checkSpecialFlows (queue-engine.md §10)', () => {
  it('accepts the seeded minimal special flows', () => {
    expect(REQUIRED_SPECIAL_FLOWS).toHaveLength(11);
    expect(check(specialFlows())).toEqual([]);
  });

  it('reports each missing flow', () => {
    const problems = check(specialFlows().filter((f) => f.slug !== 'desync' && f.slug !== 'not_found'));
    expect(problems).toEqual(["special flow 'not_found' does not exist", "special flow 'desync' does not exist"]);
  });

  it('reports schemas that reject {}', () => {
    expect(check(replaced(flowDef('forbidden', { flags: flowFlags(1), serverSchema: TITLE_SCHEMA })))).toEqual([
      "special flow 'forbidden': server schema rejects {}",
    ]);
  });

  it('requires empty to have a screen visible everywhere to free users without rules.trigger', () => {
    const emptyWith = (screen: ReturnType<typeof flowScreen>) => replaced(flowDef('empty', { flags: flowFlags(1), screens: [screen] }));
    expect(check(emptyWith(flowScreen('caught_up')))).toEqual([]);
    expect(check(emptyWith(flowScreen('caught_up', { flags: flowScreenFlags(31 - 4) })))).toHaveLength(1);
    expect(check(emptyWith(flowScreen('caught_up', { flags: flowScreenFlags(31 - 8) })))).toHaveLength(1);
    expect(check(emptyWith(flowScreen('caught_up', { rules: { trigger: {}, peek: null } })))).toHaveLength(1);
    expect(check(emptyWith(flowScreen('missing_screen')))).toHaveLength(1);
    expect(check(emptyWith(flowScreen('caught_up')), [screenDef('caught_up', { flags: screenFlags(1 | 4 | 8) })])).toHaveLength(1);
    expect(check(replaced(flowDef('empty')))).toHaveLength(1);
  });

  it('requires skip to be triggerable on every platform', () => {
    expect(check(replaced(flowDef('skip', { flags: flowFlags(1 | 4 | 8) })))).toEqual([
      "special flow 'skip' must be triggerable on every platform (missing: browser)",
    ]);
  });
});
