import { findFlowsBySlugs, findAllScreens } from '../db/repositories/definitions.repository';
import { checkSpecialFlows, REQUIRED_SPECIAL_FLOWS } from '../domain/engine';
import type { AppContext } from './app-context';
import { withReadConnection } from './transaction';

export class StartupCheckError extends Error {}

/**
 * Fail fast when the engine could not answer every request (queue-engine.md §10): each required
 * special flow exists, its schemas accept `{}`, and `empty` queues a screen every platform shows.
 */
export async function verifySpecialFlows(app: AppContext): Promise<void> {
  const [flows, screens] = await withReadConnection(app.db, (sql) =>
    Promise.all([findFlowsBySlugs(sql, REQUIRED_SPECIAL_FLOWS), findAllScreens(sql)]),
  );
  const flowBySlug = new Map(flows.map((f) => [f.slug, f]));
  const screenBySlug = new Map(screens.map((s) => [s.slug, s]));
  const problems = checkSpecialFlows(
    (slug) => flowBySlug.get(slug) ?? null,
    (slug) => screenBySlug.get(slug) ?? null,
  );
  if (problems.length > 0) {
    throw new StartupCheckError(`special client flows are misconfigured:\n  - ${problems.join('\n  - ')}`);
  }
}
