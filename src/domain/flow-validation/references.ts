import type { FlowRule, FlowScreen, Schema } from '../model';
import { walkFixed } from './flow-screen';
import { pathOf } from './issues';

export interface FlowReference {
  /** The flow that names the slug. */
  uid: string;
  slug: string;
  /** Where, e.g. `screens[1].allowed_triggers[0]`, `rules[0].effect.slug`, `screens[0].screen.fixed.cta.trigger`. */
  location: string;
}

/**
 * Where other flows name `slug` (admin-api.md §7): allowed triggers, replace rules, and
 * `flow_slug` values in `fixed` (found through each screen's schema).
 */
export function findFlowReferences(
  slug: string,
  flows: readonly { uid: string; slug: string; screens: FlowScreen[]; rules: FlowRule[] }[],
  screenSchema: (screenSlug: string) => Schema | undefined,
): FlowReference[] {
  const found: FlowReference[] = [];
  for (const flow of flows) {
    if (flow.slug === slug) continue;
    const add = (location: string) => found.push({ uid: flow.uid, slug: flow.slug, location });
    flow.screens.forEach((fs, i) => {
      fs.allowed_triggers.forEach((t, j) => t === slug && add(pathOf('screens', i, 'allowed_triggers', j)));
      const schema = screenSchema(fs.screen.slug);
      if (schema === undefined) return;
      walkFixed(schema, fs.screen.fixed, {
        problem: () => {},
        leaf: (node, value, steps) => {
          if (node.format === 'flow_slug' && value === slug) add(pathOf('screens', i, 'screen', 'fixed', ...steps));
        },
      });
    });
    flow.rules.forEach((r, k) => r.effect.type === 'replace' && r.effect.slug === slug && add(pathOf('rules', k, 'effect', 'slug')));
  }
  return found;
}
