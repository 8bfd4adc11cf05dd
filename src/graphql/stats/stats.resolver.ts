import { Ctx, Query, Resolver } from 'type-graphql';
import { FAMILY_EVENTS, type StatsFamilyName } from '../../domain/stats-keys';
import { historicalStats, partialStats } from '../../services/stats.service';
import type { GraphQLContext } from '../context';
import { requireAdmin } from '../guards';
import { ClientFlowStatsChartType, ClientScreenStatsChartType, PartialClientFlowStatsType, PartialClientScreenStatsType } from './stats.type';

/** `x_breakdown` maps of a REST body as `xBreakdown` lists of `{key, <valueField>}` pairs, sorted by key. */
function fromWire(family: StatsFamilyName, wire: Record<string, unknown>, valueField: 'values' | 'value'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const event of FAMILY_EVENTS[family]) {
    out[event] = wire[event];
    const breakdown = wire[`${event}_breakdown`] as Record<string, unknown>;
    out[`${event}Breakdown`] = Object.keys(breakdown)
      .sort()
      .map((key) => ({ key, [valueField]: breakdown[key] }));
  }
  return out;
}

/** The family's chart; `T` is its GraphQL type, whose fields `fromWire` names. */
async function chart<T>(ctx: GraphQLContext, family: StatsFamilyName): Promise<T> {
  await requireAdmin(ctx);
  const body = await (await historicalStats(ctx.app, family)).body();
  return { labels: body.labels, ...fromWire(family, body, 'values') } as T;
}

async function partial<T>(ctx: GraphQLContext, family: StatsFamilyName): Promise<T> {
  await requireAdmin(ctx);
  const body = await partialStats(ctx.app, family);
  return { today: fromWire(family, body.today, 'value'), yesterday: fromWire(family, body.yesterday, 'value') } as T;
}

/** Admin statistics (stats-cache-jobs.md §4.4): the REST shims' data through the same service. */
@Resolver()
export class StatsResolver {
  @Query(() => ClientFlowStatsChartType, { description: 'Admin only. Daily flow counters for the 90 days ending two days ago.' })
  async clientFlowStats(@Ctx() ctx: GraphQLContext): Promise<ClientFlowStatsChartType> {
    return chart<ClientFlowStatsChartType>(ctx, 'client_flows');
  }

  @Query(() => PartialClientFlowStatsType, { description: "Admin only. Today's and yesterday's flow counters." })
  async partialClientFlowStats(@Ctx() ctx: GraphQLContext): Promise<PartialClientFlowStatsType> {
    return partial<PartialClientFlowStatsType>(ctx, 'client_flows');
  }

  @Query(() => ClientScreenStatsChartType, { description: 'Admin only. Daily screen counters for the 90 days ending two days ago.' })
  async clientScreenStats(@Ctx() ctx: GraphQLContext): Promise<ClientScreenStatsChartType> {
    return chart<ClientScreenStatsChartType>(ctx, 'client_screens');
  }

  @Query(() => PartialClientScreenStatsType, { description: "Admin only. Today's and yesterday's screen counters." })
  async partialClientScreenStats(@Ctx() ctx: GraphQLContext): Promise<PartialClientScreenStatsType> {
    return partial<PartialClientScreenStatsType>(ctx, 'client_screens');
  }
}
