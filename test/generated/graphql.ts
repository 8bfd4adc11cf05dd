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

export type Mutation = {
  __typename?: 'Mutation';
  /** Shows the front of your queue (stabilized and realized); logs it. */
  peekScreen: PeekScreenResponse;
  /** Removes the front named by screenJwt, optionally triggers a flow, then peeks. Stale JWTs answer the current front (desync). */
  popScreen: PeekScreenResponse;
  /** Attaches a client event (any JSON, at most 2048 bytes serialized) to a screen you were shown. */
  traceScreen: Scalars['Boolean']['output'];
  /** Admin only. Trusted server trigger (queue-engine §7.5) on a user's queue: no pop, source server, then stabilization with the given platform (server when omitted). */
  triggerClientFlow: TriggerClientFlowResult;
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
  /** The authenticated user; creates the account on a first valid id token. */
  viewer: Viewer;
};

/** Your screen queue changed: peek to see it. Carries no realized screen (realizing logs it and mints its JWTs). */
export type ScreenQueueChange = {
  __typename?: 'ScreenQueueChange';
  /** The flow the change queued last, if any. */
  flowSlug?: Maybe<Scalars['String']['output']>;
  /** Seconds since the epoch when the change happened. */
  occurredAt: Scalars['Float']['output'];
  /** Increases by one with every committed change of your queue: drop events not newer than the last one you handled. */
  queueVersion: Scalars['Int']['output'];
  reason: ScreenQueueChangeReason;
};

/** Why your queue changed. */
export type ScreenQueueChangeReason =
  /** Your queue was emptied. */
  | 'CLEARED'
  /** A flow was triggered on your queue (flowSlug names it): a backend trigger, a stabilizing peek, an admin tool. */
  | 'FLOW_TRIGGERED'
  /** A screen was popped, perhaps on another device (flowSlug: the flow the pop triggered, if any). */
  | 'POPPED'
  /** The server lost its event feed for a moment and your queue changed meanwhile: re-peek. */
  | 'RESYNC'
  /** First event of every subscription: the version when the server started listening. Re-peek if it is newer than the last you saw. */
  | 'SUBSCRIBED'
  /** Any other change of your queue. */
  | 'UPDATED';

export type Subscription = {
  __typename?: 'Subscription';
  /** Your own queue, live (graphql-ws on /graphql). The first event (SUBSCRIBED) arrives once the server listens; then one event per committed change, from any server instance. Re-peek when an event is newer than what you last saw. */
  screenQueueChanged: ScreenQueueChange;
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

export type ScreenQueueChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ScreenQueueChangedSubscription = { __typename?: 'Subscription', screenQueueChanged: { __typename?: 'ScreenQueueChange', queueVersion: number, reason: ScreenQueueChangeReason, flowSlug?: string | null, occurredAt: number } };

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

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', sub: string, givenName?: string | null, familyName?: string | null, admin: boolean, createdAt: number } };


export const ScreenQueueChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ScreenQueueChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"screenQueueChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queueVersion"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"flowSlug"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<ScreenQueueChangedSubscription, ScreenQueueChangedSubscriptionVariables>;
export const PeekScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PeekScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPlatform"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"peekScreen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitor"}},{"kind":"Field","name":{"kind":"Name","value":"screen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeJwt"}},{"kind":"Field","name":{"kind":"Name","value":"prefetch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PeekScreenMutation, PeekScreenMutationVariables>;
export const PopScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PopScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPlatform"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"screenJwt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"trigger"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowTriggerInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popScreen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"screenJwt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"screenJwt"}}},{"kind":"Argument","name":{"kind":"Name","value":"trigger"},"value":{"kind":"Variable","name":{"kind":"Name","value":"trigger"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitor"}},{"kind":"Field","name":{"kind":"Name","value":"screen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeJwt"}},{"kind":"Field","name":{"kind":"Name","value":"prefetch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PopScreenMutation, PopScreenMutationVariables>;
export const TraceScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TraceScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPlatform"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"screenJwt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"event"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceScreen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"screenJwt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"screenJwt"}}},{"kind":"Argument","name":{"kind":"Name","value":"event"},"value":{"kind":"Variable","name":{"kind":"Name","value":"event"}}}]}]}}]} as unknown as DocumentNode<TraceScreenMutation, TraceScreenMutationVariables>;
export const TriggerClientFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TriggerClientFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userSub"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientParameters"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSONObject"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serverParameters"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSONObject"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPlatform"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggerClientFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userSub"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userSub"}}},{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientParameters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientParameters"}}},{"kind":"Argument","name":{"kind":"Name","value":"serverParameters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serverParameters"}}},{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestedSlug"}},{"kind":"Field","name":{"kind":"Name","value":"queuedFlowSlug"}},{"kind":"Field","name":{"kind":"Name","value":"queueLength"}}]}}]}}]} as unknown as DocumentNode<TriggerClientFlowMutation, TriggerClientFlowMutationVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"admin"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;