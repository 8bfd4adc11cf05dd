import { CLIENT_PLATFORMS, type ClientFlowDef, type ClientScreenDef } from '../model';
import { validateValue } from '../schema';
import { flowScreenShowsOn, flowScreenShowsTo, flowTriggerableFrom, screenShowsOn } from './platform';

/** Slugs the engine triggers by name (queue-engine.md §10). */
export const SpecialFlow = {
  empty: 'empty',
  skip: 'skip',
  forbidden: 'forbidden',
  wrongPlatform: 'wrong_platform',
  notFound: 'not_found',
  desync: 'desync',
  errorFlowSchema: 'error_flow_schema',
  errorScreenMissing: 'error_screen_missing',
  errorScreenSchema: 'error_screen_schema',
  errorUnsafe: 'error_unsafe',
  errorBadAuth: 'error_bad_auth',
  signup: 'signup',
} as const;

/** The special flows that must exist at startup (§10, "yes" rows); `signup` is optional. */
export const REQUIRED_SPECIAL_FLOWS: readonly string[] = [
  SpecialFlow.empty,
  SpecialFlow.skip,
  SpecialFlow.forbidden,
  SpecialFlow.wrongPlatform,
  SpecialFlow.notFound,
  SpecialFlow.desync,
  SpecialFlow.errorFlowSchema,
  SpecialFlow.errorScreenMissing,
  SpecialFlow.errorScreenSchema,
  SpecialFlow.errorUnsafe,
  SpecialFlow.errorBadAuth,
];

/**
 * Startup check (§10): every required special flow exists and its schemas accept `{}` (the
 * engine always hands them empty parameters, §3.5); `empty` has a flow screen that is shown on
 * every platform to free users and is never dropped at trigger time, so stabilization can always
 * fill an empty queue; `skip` is triggerable everywhere because a client-sourced rule `skip`
 * keeps its source (§3.2 step 4). Returns human-readable problems, `[]` when all is well.
 */
export function checkSpecialFlows(
  flows: (slug: string) => ClientFlowDef | null,
  screens: (slug: string) => ClientScreenDef | null,
): string[] {
  const problems: string[] = [];
  for (const slug of REQUIRED_SPECIAL_FLOWS) {
    const flow = flows(slug);
    if (!flow) {
      problems.push(`special flow '${slug}' does not exist`);
      continue;
    }
    for (const [which, schema] of [['client', flow.clientSchema], ['server', flow.serverSchema]] as const) {
      if (!validateValue(schema, {}).ok) problems.push(`special flow '${slug}': ${which} schema rejects {}`);
    }
  }

  const empty = flows(SpecialFlow.empty);
  if (empty && !empty.screens.some((fs) => showsEverywhereToFree(fs, screens(fs.screen.slug)))) {
    problems.push(
      `special flow 'empty' needs a flow screen without rules.trigger whose screen and flow-screen flags show it on every platform to free users`,
    );
  }
  const skip = flows(SpecialFlow.skip);
  const untriggerable = skip ? CLIENT_PLATFORMS.filter((p) => !flowTriggerableFrom(skip.flags, p)) : [];
  if (untriggerable.length > 0) {
    problems.push(`special flow 'skip' must be triggerable on every platform (missing: ${untriggerable.join(', ')})`);
  }
  return problems;
}

function showsEverywhereToFree(fs: ClientFlowDef['screens'][number], screen: ClientScreenDef | null): boolean {
  return (
    screen !== null &&
    fs.rules.trigger === null &&
    flowScreenShowsTo(fs.flags, false) &&
    CLIENT_PLATFORMS.every((p) => screenShowsOn(screen.flags, p) && flowScreenShowsOn(fs.flags, p))
  );
}
