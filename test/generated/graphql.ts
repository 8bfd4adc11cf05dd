import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** One stats day's flow counters. */
export type ClientFlowDayStats = {
  __typename?: 'ClientFlowDayStats';
  replaced: Scalars['Int']['output'];
  replacedBreakdown: Array<StatsBreakdownCount>;
  triggered: Scalars['Int']['output'];
  triggeredBreakdown: Array<StatsBreakdownCount>;
};

/** Flow counters for the 90 days ending two days ago (stats days, oldest first). */
export type ClientFlowStatsChart = {
  __typename?: 'ClientFlowStatsChart';
  /** The 90 stats days as `YYYY-MM-DD`, ascending. */
  labels: Array<Scalars['String']['output']>;
  /** Resolution hops that swapped the requested flow for another, per day. */
  replaced: Array<Scalars['Int']['output']>;
  /** By `{source}:{version}:{popped_screen_slug or ''}:{original_slug}:{replacement_slug}`. */
  replacedBreakdown: Array<StatsBreakdownSeries>;
  /** Flows whose screens were queued, per day. */
  triggered: Array<Scalars['Int']['output']>;
  /** By `{source}:{version}:{flow_slug}:{trusted}`. */
  triggeredBreakdown: Array<StatsBreakdownSeries>;
};

/** A flow to trigger when popping. */
export type ClientFlowTriggerInput = {
  /** Client parameters; null means {}. */
  parameters?: InputMaybe<Scalars['JSON']['input']>;
  slug: Scalars['String']['input'];
};

/** The platform a client runs on. */
export type ClientPlatform =
  | 'ANDROID'
  | 'BROWSER'
  | 'IOS';

/** One stats day's screen counters. */
export type ClientScreenDayStats = {
  __typename?: 'ClientScreenDayStats';
  peeked: Scalars['Int']['output'];
  peekedBreakdown: Array<StatsBreakdownCount>;
  popped: Scalars['Int']['output'];
  poppedBreakdown: Array<StatsBreakdownCount>;
  queued: Scalars['Int']['output'];
  queuedBreakdown: Array<StatsBreakdownCount>;
  traced: Scalars['Int']['output'];
  tracedBreakdown: Array<StatsBreakdownCount>;
};

/** Screen counters for the 90 days ending two days ago (stats days, oldest first). */
export type ClientScreenStatsChart = {
  __typename?: 'ClientScreenStatsChart';
  /** The 90 stats days as `YYYY-MM-DD`, ascending. */
  labels: Array<Scalars['String']['output']>;
  /** Front screens answered by peeks and pops, per day. */
  peeked: Array<Scalars['Int']['output']>;
  /** By `{platform}:{version}:{screen_slug}`. */
  peekedBreakdown: Array<StatsBreakdownSeries>;
  /** Screens popped, per day. */
  popped: Array<Scalars['Int']['output']>;
  /** By `{platform}:{version}:{screen_slug}`. */
  poppedBreakdown: Array<StatsBreakdownSeries>;
  /** Screens inserted into queues by triggers, per day. */
  queued: Array<Scalars['Int']['output']>;
  /** By `{source}:{version}:{screen_slug}`. */
  queuedBreakdown: Array<StatsBreakdownSeries>;
  /** Trace events stored, per day. */
  traced: Array<Scalars['Int']['output']>;
  /** By `{platform}:{version}:{screen_slug}`. */
  tracedBreakdown: Array<StatsBreakdownSeries>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** A custom pop endpoint registered by a plugin (REST: /api/1/users/me/screens/{endpoint}): the endpoint verifies trigger.parameters and supplies server parameters, then the pop runs as popScreen. */
  customPopScreen: PeekScreenResponse;
  /** Shows the front of your queue (stabilized and realized); logs it. */
  peekScreen: PeekScreenResponse;
  /** Removes the front named by screenJwt, optionally triggers a flow, then peeks. Stale JWTs answer the current front (desync). */
  popScreen: PeekScreenResponse;
  /** Attaches a client event (any JSON, at most 2048 bytes serialized) to a screen you were shown. */
  traceScreen: Scalars['Boolean']['output'];
  /** Admin only. Trusted server trigger (queue-engine §7.5) on a user's queue: no pop, source server, then stabilization with the given platform (server when omitted). */
  triggerClientFlow: TriggerClientFlowResult;
};


export type MutationCustomPopScreenArgs = {
  endpoint: Scalars['String']['input'];
  platform: ClientPlatform;
  screenJwt: Scalars['String']['input'];
  trigger: ClientFlowTriggerInput;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationPeekScreenArgs = {
  platform: ClientPlatform;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationPopScreenArgs = {
  platform: ClientPlatform;
  screenJwt: Scalars['String']['input'];
  trigger?: InputMaybe<ClientFlowTriggerInput>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationTraceScreenArgs = {
  event: Scalars['JSON']['input'];
  platform: ClientPlatform;
  screenJwt: Scalars['String']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationTriggerClientFlowArgs = {
  clientParameters?: InputMaybe<Scalars['JSONObject']['input']>;
  platform?: InputMaybe<ClientPlatform>;
  serverParameters?: InputMaybe<Scalars['JSONObject']['input']>;
  slug: Scalars['String']['input'];
  userSub: Scalars['String']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** Flow counters of the current and the previous stats day (not in the chart yet). */
export type PartialClientFlowStats = {
  __typename?: 'PartialClientFlowStats';
  today: ClientFlowDayStats;
  yesterday: ClientFlowDayStats;
};

/** Screen counters of the current and the previous stats day (not in the chart yet). */
export type PartialClientScreenStats = {
  __typename?: 'PartialClientScreenStats';
  today: ClientScreenDayStats;
  yesterday: ClientScreenDayStats;
};

export type PeekScreenResponse = {
  __typename?: 'PeekScreenResponse';
  screen: PeekedScreen;
  /** The visitor of this device; send it back in the `visitor` header. */
  visitor: Scalars['String']['output'];
};

export type PeekedScreen = {
  __typename?: 'PeekedScreen';
  /** The front of the queue. */
  active: PeekedScreenItem;
  /** Screen JWT naming the front; pass it to popScreen and traceScreen. */
  activeJwt: Scalars['String']['output'];
  /** Up to 3 screens of the same batch behind the front, in queue order. */
  prefetch: Array<PeekedScreenItem>;
};

/** A realized screen: what the client renders. */
export type PeekedScreenItem = {
  __typename?: 'PeekedScreenItem';
  /** Realized parameters (media references carry fresh JWTs). */
  parameters: Scalars['JSONObject']['output'];
  /** The client screen slug; the client picks its renderer by it. */
  slug: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Admin only. Daily flow counters for the 90 days ending two days ago. */
  clientFlowStats: ClientFlowStatsChart;
  /** Admin only. Daily screen counters for the 90 days ending two days ago. */
  clientScreenStats: ClientScreenStatsChart;
  /** Admin only. Today's and yesterday's flow counters. */
  partialClientFlowStats: PartialClientFlowStats;
  /** Admin only. Today's and yesterday's screen counters. */
  partialClientScreenStats: PartialClientScreenStats;
  /** The authenticated user; creates the account on a first valid id token. */
  viewer: Viewer;
};

/** One breakdown key and its count on one day. */
export type StatsBreakdownCount = {
  __typename?: 'StatsBreakdownCount';
  /** The breakdown key (stats-cache-jobs.md §1.3). */
  key: Scalars['String']['output'];
  value: Scalars['Int']['output'];
};

/** One breakdown key and its value on every day of the chart. */
export type StatsBreakdownSeries = {
  __typename?: 'StatsBreakdownSeries';
  /** The breakdown key, e.g. `ios:68:home` (stats-cache-jobs.md §1.3). */
  key: Scalars['String']['output'];
  /** One count per label, 0 on days without it. */
  values: Array<Scalars['Int']['output']>;
};

/** What a trusted trigger did to the queue. */
export type TriggerClientFlowResult = {
  __typename?: 'TriggerClientFlowResult';
  /** Length of the queue after the trigger committed. */
  queueLength: Scalars['Int']['output'];
  /** The flow whose screens were finally queued after rules and fallbacks; null when the trigger was dropped by the hop limit. */
  queuedFlowSlug?: Maybe<Scalars['String']['output']>;
  /** The slug that was asked for. */
  requestedSlug: Scalars['String']['output'];
};

/** The authenticated user. */
export type Viewer = {
  __typename?: 'Viewer';
  /** Whether the admin API is open to this user. */
  admin: Scalars['Boolean']['output'];
  /** Seconds since the epoch when the account was created. */
  createdAt: Scalars['Float']['output'];
  familyName?: Maybe<Scalars['String']['output']>;
  givenName?: Maybe<Scalars['String']['output']>;
  /** Stable user id (the id token `sub`). */
  sub: Scalars['String']['output'];
};

export type PeekScreenMutationVariables = Exact<{
  platform: ClientPlatform;
  version?: InputMaybe<Scalars['Int']['input']>;
}>;


export type PeekScreenMutation = { __typename?: 'Mutation', peekScreen: { __typename?: 'PeekScreenResponse', visitor: string, screen: { __typename?: 'PeekedScreen', activeJwt: string, active: { __typename?: 'PeekedScreenItem', slug: string, parameters: Record<string, unknown> }, prefetch: Array<{ __typename?: 'PeekedScreenItem', slug: string, parameters: Record<string, unknown> }> } } };

export type PopScreenMutationVariables = Exact<{
  platform: ClientPlatform;
  version?: InputMaybe<Scalars['Int']['input']>;
  screenJwt: Scalars['String']['input'];
  trigger?: InputMaybe<ClientFlowTriggerInput>;
}>;


export type PopScreenMutation = { __typename?: 'Mutation', popScreen: { __typename?: 'PeekScreenResponse', visitor: string, screen: { __typename?: 'PeekedScreen', activeJwt: string, active: { __typename?: 'PeekedScreenItem', slug: string, parameters: Record<string, unknown> }, prefetch: Array<{ __typename?: 'PeekedScreenItem', slug: string, parameters: Record<string, unknown> }> } } };

export type TraceScreenMutationVariables = Exact<{
  platform: ClientPlatform;
  version?: InputMaybe<Scalars['Int']['input']>;
  screenJwt: Scalars['String']['input'];
  event: Scalars['JSON']['input'];
}>;


export type TraceScreenMutation = { __typename?: 'Mutation', traceScreen: boolean };

export type TriggerClientFlowMutationVariables = Exact<{
  userSub: Scalars['String']['input'];
  slug: Scalars['String']['input'];
  clientParameters?: InputMaybe<Scalars['JSONObject']['input']>;
  serverParameters?: InputMaybe<Scalars['JSONObject']['input']>;
  platform?: InputMaybe<ClientPlatform>;
  version?: InputMaybe<Scalars['Int']['input']>;
}>;


export type TriggerClientFlowMutation = { __typename?: 'Mutation', triggerClientFlow: { __typename?: 'TriggerClientFlowResult', requestedSlug: string, queuedFlowSlug?: string | null, queueLength: number } };

export type CustomPopScreenMutationVariables = Exact<{
  endpoint: Scalars['String']['input'];
  platform: ClientPlatform;
  version?: InputMaybe<Scalars['Int']['input']>;
  screenJwt: Scalars['String']['input'];
  trigger: ClientFlowTriggerInput;
}>;


export type CustomPopScreenMutation = { __typename?: 'Mutation', customPopScreen: { __typename?: 'PeekScreenResponse', visitor: string, screen: { __typename?: 'PeekedScreen', activeJwt: string, active: { __typename?: 'PeekedScreenItem', slug: string, parameters: Record<string, unknown> }, prefetch: Array<{ __typename?: 'PeekedScreenItem', slug: string, parameters: Record<string, unknown> }> } } };

export type ClientFlowStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type ClientFlowStatsQuery = { __typename?: 'Query', clientFlowStats: { __typename?: 'ClientFlowStatsChart', labels: Array<string>, triggered: Array<number>, replaced: Array<number>, triggeredBreakdown: Array<{ __typename?: 'StatsBreakdownSeries', key: string, values: Array<number> }>, replacedBreakdown: Array<{ __typename?: 'StatsBreakdownSeries', key: string, values: Array<number> }> } };

export type ClientScreenStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type ClientScreenStatsQuery = { __typename?: 'Query', clientScreenStats: { __typename?: 'ClientScreenStatsChart', labels: Array<string>, queued: Array<number>, peeked: Array<number>, popped: Array<number>, traced: Array<number>, queuedBreakdown: Array<{ __typename?: 'StatsBreakdownSeries', key: string, values: Array<number> }>, peekedBreakdown: Array<{ __typename?: 'StatsBreakdownSeries', key: string, values: Array<number> }>, poppedBreakdown: Array<{ __typename?: 'StatsBreakdownSeries', key: string, values: Array<number> }>, tracedBreakdown: Array<{ __typename?: 'StatsBreakdownSeries', key: string, values: Array<number> }> } };

export type PartialClientFlowStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type PartialClientFlowStatsQuery = { __typename?: 'Query', partialClientFlowStats: { __typename?: 'PartialClientFlowStats', today: { __typename?: 'ClientFlowDayStats', triggered: number, replaced: number, triggeredBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }>, replacedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }> }, yesterday: { __typename?: 'ClientFlowDayStats', triggered: number, replaced: number, triggeredBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }>, replacedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }> } } };

export type FlowDayFragment = { __typename?: 'ClientFlowDayStats', triggered: number, replaced: number, triggeredBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }>, replacedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }> };

export type PartialClientScreenStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type PartialClientScreenStatsQuery = { __typename?: 'Query', partialClientScreenStats: { __typename?: 'PartialClientScreenStats', today: { __typename?: 'ClientScreenDayStats', queued: number, peeked: number, popped: number, traced: number, queuedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }>, peekedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }>, poppedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }>, tracedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }> }, yesterday: { __typename?: 'ClientScreenDayStats', queued: number, peeked: number, popped: number, traced: number, queuedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }>, peekedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }>, poppedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }>, tracedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }> } } };

export type ScreenDayFragment = { __typename?: 'ClientScreenDayStats', queued: number, peeked: number, popped: number, traced: number, queuedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }>, peekedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }>, poppedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }>, tracedBreakdown: Array<{ __typename?: 'StatsBreakdownCount', key: string, value: number }> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', sub: string, givenName?: string | null, familyName?: string | null, admin: boolean, createdAt: number } };

export const FlowDayFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowDay"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowDayStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggered"}},{"kind":"Field","name":{"kind":"Name","value":"triggeredBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replaced"}},{"kind":"Field","name":{"kind":"Name","value":"replacedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<FlowDayFragment, unknown>;
export const ScreenDayFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenDay"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientScreenDayStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"queuedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peeked"}},{"kind":"Field","name":{"kind":"Name","value":"peekedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"popped"}},{"kind":"Field","name":{"kind":"Name","value":"poppedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"traced"}},{"kind":"Field","name":{"kind":"Name","value":"tracedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<ScreenDayFragment, unknown>;
export const PeekScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PeekScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPlatform"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"peekScreen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitor"}},{"kind":"Field","name":{"kind":"Name","value":"screen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeJwt"}},{"kind":"Field","name":{"kind":"Name","value":"prefetch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PeekScreenMutation, PeekScreenMutationVariables>;
export const PopScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PopScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPlatform"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"screenJwt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"trigger"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowTriggerInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popScreen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"screenJwt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"screenJwt"}}},{"kind":"Argument","name":{"kind":"Name","value":"trigger"},"value":{"kind":"Variable","name":{"kind":"Name","value":"trigger"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitor"}},{"kind":"Field","name":{"kind":"Name","value":"screen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeJwt"}},{"kind":"Field","name":{"kind":"Name","value":"prefetch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PopScreenMutation, PopScreenMutationVariables>;
export const TraceScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TraceScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPlatform"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"screenJwt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"event"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceScreen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"screenJwt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"screenJwt"}}},{"kind":"Argument","name":{"kind":"Name","value":"event"},"value":{"kind":"Variable","name":{"kind":"Name","value":"event"}}}]}]}}]} as unknown as DocumentNode<TraceScreenMutation, TraceScreenMutationVariables>;
export const TriggerClientFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TriggerClientFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userSub"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientParameters"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSONObject"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serverParameters"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSONObject"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPlatform"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggerClientFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userSub"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userSub"}}},{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientParameters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientParameters"}}},{"kind":"Argument","name":{"kind":"Name","value":"serverParameters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serverParameters"}}},{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestedSlug"}},{"kind":"Field","name":{"kind":"Name","value":"queuedFlowSlug"}},{"kind":"Field","name":{"kind":"Name","value":"queueLength"}}]}}]}}]} as unknown as DocumentNode<TriggerClientFlowMutation, TriggerClientFlowMutationVariables>;
export const CustomPopScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CustomPopScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endpoint"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPlatform"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"screenJwt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"trigger"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowTriggerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customPopScreen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"endpoint"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endpoint"}}},{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"screenJwt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"screenJwt"}}},{"kind":"Argument","name":{"kind":"Name","value":"trigger"},"value":{"kind":"Variable","name":{"kind":"Name","value":"trigger"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitor"}},{"kind":"Field","name":{"kind":"Name","value":"screen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeJwt"}},{"kind":"Field","name":{"kind":"Name","value":"prefetch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomPopScreenMutation, CustomPopScreenMutationVariables>;
export const ClientFlowStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientFlowStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientFlowStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"triggered"}},{"kind":"Field","name":{"kind":"Name","value":"triggeredBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replaced"}},{"kind":"Field","name":{"kind":"Name","value":"replacedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}}]}}]}}]} as unknown as DocumentNode<ClientFlowStatsQuery, ClientFlowStatsQueryVariables>;
export const ClientScreenStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientScreenStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientScreenStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"queuedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peeked"}},{"kind":"Field","name":{"kind":"Name","value":"peekedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"popped"}},{"kind":"Field","name":{"kind":"Name","value":"poppedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"traced"}},{"kind":"Field","name":{"kind":"Name","value":"tracedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}}]}}]}}]} as unknown as DocumentNode<ClientScreenStatsQuery, ClientScreenStatsQueryVariables>;
export const PartialClientFlowStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartialClientFlowStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partialClientFlowStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"today"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlowDay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"yesterday"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlowDay"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowDay"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowDayStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggered"}},{"kind":"Field","name":{"kind":"Name","value":"triggeredBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replaced"}},{"kind":"Field","name":{"kind":"Name","value":"replacedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<PartialClientFlowStatsQuery, PartialClientFlowStatsQueryVariables>;
export const PartialClientScreenStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartialClientScreenStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partialClientScreenStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"today"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenDay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"yesterday"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenDay"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenDay"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientScreenDayStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"queuedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peeked"}},{"kind":"Field","name":{"kind":"Name","value":"peekedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"popped"}},{"kind":"Field","name":{"kind":"Name","value":"poppedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"traced"}},{"kind":"Field","name":{"kind":"Name","value":"tracedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<PartialClientScreenStatsQuery, PartialClientScreenStatsQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"admin"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;