import { Field, Int, ObjectType } from 'type-graphql';

/**
 * The admin statistics (stats-cache-jobs.md §4.4), shaped like the REST bodies with the
 * breakdown maps as lists of pairs (breakdown keys are data, not field names).
 */

@ObjectType('StatsBreakdownSeries', { description: 'One breakdown key and its value on every day of the chart.' })
export class StatsBreakdownSeriesType {
  @Field(() => String, { description: 'The breakdown key, e.g. `ios:68:home` (stats-cache-jobs.md §1.3).' })
  key!: string;

  @Field(() => [Int], { description: 'One count per label, 0 on days without it.' })
  values!: number[];
}

@ObjectType('StatsBreakdownCount', { description: 'One breakdown key and its count on one day.' })
export class StatsBreakdownCountType {
  @Field(() => String, { description: 'The breakdown key (stats-cache-jobs.md §1.3).' })
  key!: string;

  @Field(() => Int)
  value!: number;
}

@ObjectType('ClientFlowStatsChart', { description: 'Flow counters for the 90 days ending two days ago (stats days, oldest first).' })
export class ClientFlowStatsChartType {
  @Field(() => [String], { description: 'The 90 stats days as `YYYY-MM-DD`, ascending.' })
  labels!: string[];

  @Field(() => [Int], { description: 'Flows whose screens were queued, per day.' })
  triggered!: number[];

  @Field(() => [StatsBreakdownSeriesType], { description: 'By `{source}:{version}:{flow_slug}:{trusted}`.' })
  triggeredBreakdown!: StatsBreakdownSeriesType[];

  @Field(() => [Int], { description: 'Resolution hops that swapped the requested flow for another, per day.' })
  replaced!: number[];

  @Field(() => [StatsBreakdownSeriesType], { description: "By `{source}:{version}:{popped_screen_slug or ''}:{original_slug}:{replacement_slug}`." })
  replacedBreakdown!: StatsBreakdownSeriesType[];
}

@ObjectType('ClientScreenStatsChart', { description: 'Screen counters for the 90 days ending two days ago (stats days, oldest first).' })
export class ClientScreenStatsChartType {
  @Field(() => [String], { description: 'The 90 stats days as `YYYY-MM-DD`, ascending.' })
  labels!: string[];

  @Field(() => [Int], { description: 'Screens inserted into queues by triggers, per day.' })
  queued!: number[];

  @Field(() => [StatsBreakdownSeriesType], { description: 'By `{source}:{version}:{screen_slug}`.' })
  queuedBreakdown!: StatsBreakdownSeriesType[];

  @Field(() => [Int], { description: 'Front screens answered by peeks and pops, per day.' })
  peeked!: number[];

  @Field(() => [StatsBreakdownSeriesType], { description: 'By `{platform}:{version}:{screen_slug}`.' })
  peekedBreakdown!: StatsBreakdownSeriesType[];

  @Field(() => [Int], { description: 'Screens popped, per day.' })
  popped!: number[];

  @Field(() => [StatsBreakdownSeriesType], { description: 'By `{platform}:{version}:{screen_slug}`.' })
  poppedBreakdown!: StatsBreakdownSeriesType[];

  @Field(() => [Int], { description: 'Trace events stored, per day.' })
  traced!: number[];

  @Field(() => [StatsBreakdownSeriesType], { description: 'By `{platform}:{version}:{screen_slug}`.' })
  tracedBreakdown!: StatsBreakdownSeriesType[];
}

@ObjectType('ClientFlowDayStats', { description: "One stats day's flow counters." })
export class ClientFlowDayStatsType {
  @Field(() => Int)
  triggered!: number;

  @Field(() => [StatsBreakdownCountType])
  triggeredBreakdown!: StatsBreakdownCountType[];

  @Field(() => Int)
  replaced!: number;

  @Field(() => [StatsBreakdownCountType])
  replacedBreakdown!: StatsBreakdownCountType[];
}

@ObjectType('ClientScreenDayStats', { description: "One stats day's screen counters." })
export class ClientScreenDayStatsType {
  @Field(() => Int)
  queued!: number;

  @Field(() => [StatsBreakdownCountType])
  queuedBreakdown!: StatsBreakdownCountType[];

  @Field(() => Int)
  peeked!: number;

  @Field(() => [StatsBreakdownCountType])
  peekedBreakdown!: StatsBreakdownCountType[];

  @Field(() => Int)
  popped!: number;

  @Field(() => [StatsBreakdownCountType])
  poppedBreakdown!: StatsBreakdownCountType[];

  @Field(() => Int)
  traced!: number;

  @Field(() => [StatsBreakdownCountType])
  tracedBreakdown!: StatsBreakdownCountType[];
}

@ObjectType('PartialClientFlowStats', { description: 'Flow counters of the current and the previous stats day (not in the chart yet).' })
export class PartialClientFlowStatsType {
  @Field(() => ClientFlowDayStatsType)
  today!: ClientFlowDayStatsType;

  @Field(() => ClientFlowDayStatsType)
  yesterday!: ClientFlowDayStatsType;
}

@ObjectType('PartialClientScreenStats', { description: 'Screen counters of the current and the previous stats day (not in the chart yet).' })
export class PartialClientScreenStatsType {
  @Field(() => ClientScreenDayStatsType)
  today!: ClientScreenDayStatsType;

  @Field(() => ClientScreenDayStatsType)
  yesterday!: ClientScreenDayStatsType;
}
