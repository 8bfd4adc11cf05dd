/**
 * Whole-flow validation at save time (admin-api.md §6.3-§6.4): parameter schemas, every flow
 * screen, rules and the replace graph, limits. Returns every issue, not the first.
 */
import type { FlowRule, FlowScreen, Schema } from '../model';
import { checkSchema, type FormatRegistry, type SchemaIssue } from '../schema';
import { checkFlowScreen, type FlowScreenContext } from './flow-screen';
import { flagsInRange, MAX_FLAGS, MAX_FLOW_SCREENS, pathOf, type FlowIssue, type FlowIssueCode } from './issues';

/** The parts of a flow validation looks at (the final state of a patch). */
export interface FlowDraft {
  slug: string;
  clientSchema: Schema;
  serverSchema: Schema;
  screens: FlowScreen[];
  rules: FlowRule[];
  flags: number;
}

export interface FlowContext extends Omit<FlowScreenContext, 'clientSchema' | 'serverSchema' | 'exampleInput'> {
  /** Replace-rule targets of every *other* flow, by slug (for cycle detection). */
  replaceTargets(slug: string): readonly string[];
}

export function validateFlow(flow: FlowDraft, ctx: FlowContext): FlowIssue[] {
  const issues: FlowIssue[] = [
    ...checkFlowSchema(flow.clientSchema, 'client_schema', ctx.registry),
    ...checkFlowSchema(flow.serverSchema, 'server_schema', ctx.registry),
  ];
  if (!flagsInRange(flow.flags)) issues.push({ path: 'flags', code: 'flags_out_of_range', message: `flags must be an integer from 0 to ${MAX_FLAGS}` });
  if (flow.screens.length > MAX_FLOW_SCREENS) {
    issues.push({ path: 'screens', code: 'too_many_screens', message: `a flow has at most ${MAX_FLOW_SCREENS} screens, not ${flow.screens.length}` });
  }
  const screenContext: FlowScreenContext = { ...ctx, clientSchema: flow.clientSchema, serverSchema: flow.serverSchema, exampleInput: true };
  flow.screens.forEach((fs, i) => issues.push(...checkFlowScreen(fs, pathOf('screens', i), screenContext)));
  issues.push(...checkRules(flow, ctx));
  return issues;
}

/** §6.3 A for one parameter schema, each checker issue under the schema's key (`client_schema.properties.name`). */
export function checkFlowSchema(schema: Schema, key: 'client_schema' | 'server_schema', registry: FormatRegistry): FlowIssue[] {
  return checkSchema(schema, { examples: 'required', registry, target: 'flow' }).map((issue) => ({
    path: `${key}${issue.path.slice(1)}`,
    code: schemaIssueCode(issue),
    message: issue.message,
  }));
}

function schemaIssueCode(issue: SchemaIssue): FlowIssueCode {
  switch (issue.rule) {
    case 'no-ref':
      return 'schema_ref_forbidden';
    case 'example':
      return issue.message.startsWith('every schema node needs') ? 'schema_missing_example' : 'example_mismatch';
    case 'default':
    case 'default-forbidden':
      return 'schema_bad_default';
    case 'union':
      return 'schema_bad_discriminator';
    default:
      return 'schema_invalid';
  }
}

function checkRules(flow: FlowDraft, ctx: FlowContext): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const own = flow.rules.flatMap((r) => (r.effect.type === 'replace' ? [r.effect.slug] : []));
  const targets = (slug: string) => (slug === flow.slug ? own : ctx.replaceTargets(slug));
  flow.rules.forEach((rule, k) => {
    if (rule.effect.type !== 'replace') return;
    const at = pathOf('rules', k, 'effect', 'slug');
    const slug = rule.effect.slug;
    if (slug === flow.slug) issues.push({ path: at, code: 'self_replacement', message: 'a flow cannot replace itself' });
    else if (!ctx.flowExists(slug)) issues.push({ path: at, code: 'unknown_replacement_flow', message: `there is no flow '${slug}'` });
    else {
      const cycle = pathBack(slug, flow.slug, targets);
      if (cycle !== null) {
        issues.push({ path: at, code: 'replacement_cycle', message: `replace rules would loop: ${[flow.slug, ...cycle].join(' → ')}` });
      }
    }
  });
  return issues;
}

/** A chain of replace edges from `from` back to `to` (inclusive), or null. */
function pathBack(from: string, to: string, targets: (slug: string) => readonly string[]): string[] | null {
  const seen = new Set<string>();
  const visit = (slug: string): string[] | null => {
    if (slug === to) return [slug];
    if (seen.has(slug)) return null;
    seen.add(slug);
    for (const next of targets(slug)) {
      const rest = visit(next);
      if (rest !== null) return [slug, ...rest];
    }
    return null;
  };
  return visit(from);
}
