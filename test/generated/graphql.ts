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
  /** A path element: a property name (String) or an array index (Int). */
  PathSegment: { input: any; output: any; }
};

/** The column combined with mutation (if given), then compared. */
export type BitFieldFilter = {
  comparison: IntFilter;
  mutation?: InputMaybe<BitFieldMutationInput>;
};

export type BitFieldMutationInput = {
  op: BitFieldMutator;
  value: Scalars['Int']['input'];
};

/** Bitwise operation applied to the column before the comparison. */
export type BitFieldMutator =
  | 'AND'
  | 'OR'
  | 'XOR';

/** A client flow (admin-api.md §4). */
export type ClientFlow = {
  __typename?: 'ClientFlow';
  clientSchema: Scalars['JSONObject']['output'];
  /** Seconds since the epoch. */
  createdAt: Scalars['Float']['output'];
  description?: Maybe<Scalars['String']['output']>;
  flagSet: ClientFlowFlagSet;
  /** Flow layout: 1 shows in admin, 2 custom, 4 iOS, 8 Android, 16 browser triggerable. */
  flags: Scalars['Int']['output'];
  name?: Maybe<Scalars['String']['output']>;
  /** True: the queue is cleared before the screens are added. */
  replaces: Scalars['Boolean']['output'];
  /** Starts at 1, +1 on every non-empty successful patch. */
  revision: Scalars['Int']['output'];
  rules: Array<ClientFlowRule>;
  screens: Array<ClientFlowScreen>;
  serverSchema: Scalars['JSONObject']['output'];
  /** The trigger name; unique. */
  slug: Scalars['String']['output'];
  uid: Scalars['ID']['output'];
};

/** One append-only record of an admin change (ours; no REST path). */
export type ClientFlowAuditEntry = {
  __typename?: 'ClientFlowAuditEntry';
  /** create, patch, delete or test_flow. */
  action: Scalars['String']['output'];
  adminSub: Scalars['String']['output'];
  /** {key: {before, after}} per changed key (REST names); test_flow: user_sub and parameters. */
  changes: Scalars['JSONObject']['output'];
  clientFlowSlug: Scalars['String']['output'];
  clientFlowUid: Scalars['ID']['output'];
  createdAt: Scalars['Float']['output'];
  uid: Scalars['ID']['output'];
};

export type ClientFlowConnection = {
  __typename?: 'ClientFlowConnection';
  edges: Array<ClientFlowEdge>;
  nodes: Array<ClientFlow>;
  pageInfo: PageInfo;
};

/** Audio or video in a client-flow list. */
export type ClientFlowContentFile = {
  __typename?: 'ClientFlowContentFile';
  contentFile: MediaRef;
  contentFileCreatedAt: Scalars['Float']['output'];
  lastUploadedAt: Scalars['Float']['output'];
  listSlug: Scalars['String']['output'];
  originalFileSha512: Scalars['String']['output'];
  /** The latest transcript, if any. */
  transcript?: Maybe<MediaRef>;
  uid: Scalars['ID']['output'];
};

export type ClientFlowContentFileConnection = {
  __typename?: 'ClientFlowContentFileConnection';
  edges: Array<ClientFlowContentFileEdge>;
  nodes: Array<ClientFlowContentFile>;
  pageInfo: PageInfo;
};

export type ClientFlowContentFileEdge = {
  __typename?: 'ClientFlowContentFileEdge';
  cursor: Scalars['String']['output'];
  node: ClientFlowContentFile;
};

/** All given filters hold (AND). */
export type ClientFlowContentFileFilter = {
  contentFileUid?: InputMaybe<TextFilter>;
  contentOriginalFileSha512?: InputMaybe<TextFilter>;
  lastUploadedAt?: InputMaybe<NumberFilter>;
  listSlug?: InputMaybe<TextFilter>;
  originalFileSha512?: InputMaybe<TextFilter>;
  transcriptUid?: InputMaybe<TextFilter>;
  uid?: InputMaybe<TextFilter>;
};

export type ClientFlowContentFileSort = {
  dir: SortDirection;
  key: ClientFlowContentFileSortKey;
};

export type ClientFlowContentFileSortKey =
  | 'CONTENT_FILE_CREATED_AT'
  | 'LAST_UPLOADED_AT'
  | 'LIST_SLUG'
  | 'UID';

/** One stats day's flow counters. */
export type ClientFlowDayStats = {
  __typename?: 'ClientFlowDayStats';
  replaced: Scalars['Int']['output'];
  replacedBreakdown: Array<StatsBreakdownCount>;
  triggered: Scalars['Int']['output'];
  triggeredBreakdown: Array<StatsBreakdownCount>;
};

export type ClientFlowEdge = {
  __typename?: 'ClientFlowEdge';
  cursor: Scalars['String']['output'];
  node: ClientFlow;
};

/** All given filters hold (AND). */
export type ClientFlowFilter = {
  createdAt?: InputMaybe<NumberFilter>;
  flags?: InputMaybe<BitFieldFilter>;
  name?: InputMaybe<TextFilter>;
  slug?: InputMaybe<TextFilter>;
  uid?: InputMaybe<TextFilter>;
};

/** The bits of ClientFlow.flags, named. */
export type ClientFlowFlagSet = {
  __typename?: 'ClientFlowFlagSet';
  androidTriggerable: Scalars['Boolean']['output'];
  browserTriggerable: Scalars['Boolean']['output'];
  iosTriggerable: Scalars['Boolean']['output'];
  isCustom: Scalars['Boolean']['output'];
  showsInAdmin: Scalars['Boolean']['output'];
};

/** An image in a client-flow list. */
export type ClientFlowImage = {
  __typename?: 'ClientFlowImage';
  imageFile: MediaRef;
  imageFileCreatedAt: Scalars['Float']['output'];
  lastUploadedAt: Scalars['Float']['output'];
  listSlug: Scalars['String']['output'];
  /** Hex sha512 of the uploaded file. */
  originalFileSha512: Scalars['String']['output'];
  uid: Scalars['ID']['output'];
};

export type ClientFlowImageConnection = {
  __typename?: 'ClientFlowImageConnection';
  edges: Array<ClientFlowImageEdge>;
  nodes: Array<ClientFlowImage>;
  pageInfo: PageInfo;
};

export type ClientFlowImageEdge = {
  __typename?: 'ClientFlowImageEdge';
  cursor: Scalars['String']['output'];
  node: ClientFlowImage;
};

/** All given filters hold (AND). */
export type ClientFlowImageFilter = {
  imageFileUid?: InputMaybe<TextFilter>;
  imageOriginalFileSha512?: InputMaybe<TextFilter>;
  lastUploadedAt?: InputMaybe<NumberFilter>;
  listSlug?: InputMaybe<TextFilter>;
  originalFileSha512?: InputMaybe<TextFilter>;
  uid?: InputMaybe<TextFilter>;
};

export type ClientFlowImageSort = {
  dir: SortDirection;
  key: ClientFlowImageSortKey;
};

export type ClientFlowImageSortKey =
  | 'IMAGE_FILE_CREATED_AT'
  | 'LAST_UPLOADED_AT'
  | 'LIST_SLUG'
  | 'UID';

export type ClientFlowNotFoundError = ErrorResult & {
  __typename?: 'ClientFlowNotFoundError';
  errorCode: ErrorCode;
  message: Scalars['String']['output'];
  slug?: Maybe<Scalars['String']['output']>;
  uid?: Maybe<Scalars['ID']['output']>;
};

/** Absent field = no change; explicit null only for name and description. */
export type ClientFlowPatchInput = {
  clientSchema?: InputMaybe<Scalars['JSONObject']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  flags?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  replaces?: InputMaybe<Scalars['Boolean']['input']>;
  rules?: InputMaybe<Array<ClientFlowRuleInput>>;
  screens?: InputMaybe<Array<ClientFlowScreenInput>>;
  serverSchema?: InputMaybe<Scalars['JSONObject']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** Absent field = no constraint; explicit null only for name and description. */
export type ClientFlowPreconditionInput = {
  clientSchema?: InputMaybe<Scalars['JSONObject']['input']>;
  createdAt?: InputMaybe<Scalars['Float']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  flags?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  replaces?: InputMaybe<Scalars['Boolean']['input']>;
  revision?: InputMaybe<Scalars['Int']['input']>;
  rules?: InputMaybe<Array<ClientFlowRuleInput>>;
  screens?: InputMaybe<Array<ClientFlowScreenInput>>;
  serverSchema?: InputMaybe<Scalars['JSONObject']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** All present conditions hold, or else `or` holds. Fields mirror queue-engine.md §2.1. */
export type ClientFlowPredicate = {
  __typename?: 'ClientFlowPredicate';
  accountAge?: Maybe<NumberCondition>;
  accountCreatedAt?: Maybe<NumberCondition>;
  or?: Maybe<ClientFlowPredicate>;
  queuedAt?: Maybe<NumberCondition>;
  randomFloat?: Maybe<NumberCondition>;
  timeInQueue?: Maybe<NumberCondition>;
  version?: Maybe<NumberCondition>;
};

/** All given conditions hold, or else `or` holds (queue-engine.md §2). */
export type ClientFlowPredicateInput = {
  accountAge?: InputMaybe<NumberFilter>;
  accountCreatedAt?: InputMaybe<NumberFilter>;
  or?: InputMaybe<ClientFlowPredicateInput>;
  queuedAt?: InputMaybe<NumberFilter>;
  randomFloat?: InputMaybe<NumberFilter>;
  timeInQueue?: InputMaybe<NumberFilter>;
  version?: InputMaybe<NumberFilter>;
};

export type ClientFlowProtectedError = ErrorResult & {
  __typename?: 'ClientFlowProtectedError';
  errorCode: ErrorCode;
  message: Scalars['String']['output'];
  reason: ClientFlowProtectionReason;
};

export type ClientFlowProtectionReason =
  | 'NOT_CUSTOM'
  | 'SPECIAL_FLOW';

export type ClientFlowReference = {
  __typename?: 'ClientFlowReference';
  location: Scalars['String']['output'];
  slug: Scalars['String']['output'];
  uid: Scalars['ID']['output'];
};

export type ClientFlowReferencedError = ErrorResult & {
  __typename?: 'ClientFlowReferencedError';
  errorCode: ErrorCode;
  message: Scalars['String']['output'];
  references: Array<ClientFlowReference>;
};

export type ClientFlowRule = {
  __typename?: 'ClientFlowRule';
  condition: ClientFlowPredicate;
  effect: ClientFlowRuleEffect;
};

export type ClientFlowRuleEffect = ReplaceFlowEffect | SkipFlowEffect;

export type ClientFlowRuleEffectInput = {
  /** REPLACE */
  clientParameters?: InputMaybe<ParameterForwarding>;
  kind: ClientFlowRuleEffectKind;
  /** REPLACE */
  serverParameters?: InputMaybe<ParameterForwarding>;
  /** REPLACE */
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type ClientFlowRuleEffectKind =
  | 'REPLACE'
  | 'SKIP';

export type ClientFlowRuleInput = {
  condition: ClientFlowPredicateInput;
  effect: ClientFlowRuleEffectInput;
};

export type ClientFlowScreen = {
  __typename?: 'ClientFlowScreen';
  allowedTriggers: Array<Scalars['String']['output']>;
  /** Flow-screen layout: 1 iOS, 2 Android, 4 web, 8 free users, 16 Pro users. */
  flags: Scalars['Int']['output'];
  name?: Maybe<Scalars['String']['output']>;
  rules: ClientFlowScreenRules;
  screen: ClientFlowScreenTarget;
};

export type ClientFlowScreenInput = {
  allowedTriggers: Array<Scalars['String']['input']>;
  flags: Scalars['Int']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  rules?: InputMaybe<ClientFlowScreenRulesInput>;
  screen: ClientFlowScreenTargetInput;
};

export type ClientFlowScreenRules = {
  __typename?: 'ClientFlowScreenRules';
  peek?: Maybe<ClientFlowPredicate>;
  trigger?: Maybe<ClientFlowPredicate>;
};

export type ClientFlowScreenRulesInput = {
  peek?: InputMaybe<ClientFlowPredicateInput>;
  trigger?: InputMaybe<ClientFlowPredicateInput>;
};

export type ClientFlowScreenTarget = {
  __typename?: 'ClientFlowScreenTarget';
  fixed: Scalars['JSONObject']['output'];
  slug: Scalars['String']['output'];
  variable: Array<ClientFlowScreenVariable>;
};

export type ClientFlowScreenTargetInput = {
  fixed: Scalars['JSONObject']['input'];
  slug: Scalars['String']['input'];
  variable: Array<ClientFlowScreenVariableInput>;
};

export type ClientFlowScreenVariable = CopyVariable | ExtractVariable | StringFormatVariable;

/** One substitution; the fields used depend on kind (checked like the REST document). */
export type ClientFlowScreenVariableInput = {
  /** EXTRACT */
  extractedPath?: InputMaybe<Array<Scalars['String']['input']>>;
  /** STRING_FORMAT */
  format?: InputMaybe<Scalars['String']['input']>;
  /** COPY, EXTRACT */
  inputPath?: InputMaybe<Array<Scalars['String']['input']>>;
  kind: ClientFlowScreenVariableKind;
  outputPath: Array<Scalars['PathSegment']['input']>;
  /** EXTRACT (default false) */
  skipIfMissing?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ClientFlowScreenVariableKind =
  | 'COPY'
  | 'EXTRACT'
  | 'STRING_FORMAT';

export type ClientFlowSlugExistsError = ErrorResult & {
  __typename?: 'ClientFlowSlugExistsError';
  errorCode: ErrorCode;
  message: Scalars['String']['output'];
  slug: Scalars['String']['output'];
};

export type ClientFlowSort = {
  dir: SortDirection;
  key: ClientFlowSortKey;
};

export type ClientFlowSortKey =
  | 'CREATED_AT'
  | 'NAME'
  | 'SLUG'
  | 'UID';

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

/** A screen type the clients can render (read-only: screens come from migrations). */
export type ClientScreen = {
  __typename?: 'ClientScreen';
  description: Scalars['String']['output'];
  /** Screen layout: 1 shows in admin, 2 browser, 4 iOS, 8 Android. */
  flags: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** OpenAPI 3.0.3 schema of the screen input. */
  screenSchema: Scalars['JSONObject']['output'];
  slug: Scalars['String']['output'];
  uid: Scalars['ID']['output'];
};

export type ClientScreenConnection = {
  __typename?: 'ClientScreenConnection';
  edges: Array<ClientScreenEdge>;
  nodes: Array<ClientScreen>;
  pageInfo: PageInfo;
};

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

export type ClientScreenEdge = {
  __typename?: 'ClientScreenEdge';
  cursor: Scalars['String']['output'];
  node: ClientScreen;
};

/** All given filters hold (AND). */
export type ClientScreenFilter = {
  flags?: InputMaybe<BitFieldFilter>;
  name?: InputMaybe<TextFilter>;
  slug?: InputMaybe<TextFilter>;
  uid?: InputMaybe<TextFilter>;
};

export type ClientScreenSort = {
  dir: SortDirection;
  key: ClientScreenSortKey;
};

export type ClientScreenSortKey =
  | 'NAME'
  | 'SLUG'
  | 'UID';

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

/** Number filter operators; the eight range operators (BT…OUTEN) use lower and upper. */
export type ComparisonOperator =
  | 'BT'
  | 'BTE'
  | 'BTEN'
  | 'BTN'
  | 'EQ'
  | 'GT'
  | 'GTE'
  | 'GTEN'
  | 'GTN'
  | 'LT'
  | 'LTE'
  | 'LTEN'
  | 'LTN'
  | 'NEQ'
  | 'OUT'
  | 'OUTE'
  | 'OUTEN'
  | 'OUTN';

export type CopyVariable = {
  __typename?: 'CopyVariable';
  inputPath: Array<Scalars['String']['output']>;
  outputPath: Array<Scalars['PathSegment']['output']>;
};

export type CreateClientFlowInput = {
  slug: Scalars['String']['input'];
};

export type CreateClientFlowResult = ClientFlow | ClientFlowSlugExistsError;

export type DeleteClientFlowInput = {
  /** Delete even when other flows name this one. */
  force?: InputMaybe<Scalars['Boolean']['input']>;
  uid: Scalars['ID']['input'];
};

export type DeleteClientFlowResult = ClientFlowNotFoundError | ClientFlowProtectedError | ClientFlowReferencedError | DeletedClientFlow;

export type DeletedClientFlow = {
  __typename?: 'DeletedClientFlow';
  slug: Scalars['String']['output'];
  uid: Scalars['ID']['output'];
};

export type DynamicSizeInput = {
  height: Scalars['Int']['input'];
  width: Scalars['Int']['input'];
};

/** Expected business outcomes of the admin mutations. */
export type ErrorCode =
  | 'CLIENT_FLOW_NOT_FOUND'
  | 'CLIENT_FLOW_PROTECTED'
  | 'CLIENT_FLOW_REFERENCED'
  | 'CLIENT_FLOW_SLUG_EXISTS'
  | 'INVALID_CLIENT_FLOW'
  | 'PARAMETERS_MISMATCH'
  | 'PRECONDITION_FAILED'
  | 'TEST_SCREEN_REJECTED'
  | 'USER_NOT_FOUND';

/** An expected outcome that is not a success. */
export type ErrorResult = {
  errorCode: ErrorCode;
  message: Scalars['String']['output'];
};

export type ExtractVariable = {
  __typename?: 'ExtractVariable';
  extractedPath: Array<Scalars['String']['output']>;
  inputPath: Array<Scalars['String']['output']>;
  outputPath: Array<Scalars['PathSegment']['output']>;
  skipIfMissing: Scalars['Boolean']['output'];
};

/** Send each part to POST /api/1/file_uploads/{uid}/{number} (multipart field `file`) with `jwt`. */
export type FileUpload = {
  __typename?: 'FileUpload';
  jwt: Scalars['String']['output'];
  /** The full-size parts, compressed. */
  partRanges: Array<FileUploadPartRange>;
  /** The remainder part, if any. */
  parts: Array<FileUploadPart>;
  /** Follow it with the jobProgress subscription. */
  progress: MediaRef;
  uid: Scalars['ID']['output'];
};

/** One part: bytes [startByte, endByte). */
export type FileUploadPart = {
  __typename?: 'FileUploadPart';
  endByte: Scalars['Float']['output'];
  number: Scalars['Int']['output'];
  startByte: Scalars['Float']['output'];
};

/** Parts startNumber … startNumber+numberOfParts−1, each partSize bytes from startByte on. */
export type FileUploadPartRange = {
  __typename?: 'FileUploadPartRange';
  numberOfParts: Scalars['Int']['output'];
  partSize: Scalars['Int']['output'];
  startByte: Scalars['Float']['output'];
  startNumber: Scalars['Int']['output'];
};

export type FlowParameterKind =
  | 'CLIENT'
  | 'SERVER';

export type FlowParametersMismatchError = ErrorResult & {
  __typename?: 'FlowParametersMismatchError';
  errorCode: ErrorCode;
  message: Scalars['String']['output'];
  which: FlowParameterKind;
};

/** As NumberFilter, on an integer column. */
export type IntFilter = {
  lower?: InputMaybe<Scalars['Int']['input']>;
  op: ComparisonOperator;
  upper?: InputMaybe<Scalars['Int']['input']>;
  value?: InputMaybe<Scalars['Int']['input']>;
};

export type InvalidClientFlowError = ErrorResult & {
  __typename?: 'InvalidClientFlowError';
  errorCode: ErrorCode;
  issues: Array<ValidationIssue>;
  message: Scalars['String']['output'];
};

export type JobProgressEvent = {
  __typename?: 'JobProgressEvent';
  indicator?: Maybe<Scalars['JSONObject']['output']>;
  /** Readable; for failed, why. */
  message: Scalars['String']['output'];
  occurredAt: Scalars['Float']['output'];
  spawned?: Maybe<Scalars['JSONObject']['output']>;
  /** queued, started, bounce, spawned, progress, failed or succeeded. */
  type: Scalars['String']['output'];
};

export type LogUser = {
  __typename?: 'LogUser';
  createdAt: Scalars['Float']['output'];
  familyName?: Maybe<Scalars['String']['output']>;
  givenName?: Maybe<Scalars['String']['output']>;
  sub: Scalars['ID']['output'];
};

export type LoggedScreen = {
  __typename?: 'LoggedScreen';
  /** The realized parameters exactly as sent to the client. */
  parameters: Scalars['JSON']['output'];
  slug: Scalars['String']['output'];
};

/** A media file and a 30-minute JWT to fetch it. */
export type MediaRef = {
  __typename?: 'MediaRef';
  jwt: Scalars['String']['output'];
  uid: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Admin only. POST /api/1/client_flows/. */
  createClientFlow: CreateClientFlowResult;
  /** A custom pop endpoint registered by a plugin (REST: /api/1/users/me/screens/{endpoint}): the endpoint verifies trigger.parameters and supplies server parameters, then the pop runs as popScreen. */
  customPopScreen: PeekScreenResponse;
  /** Admin only. DELETE /api/1/client_flows/{uid}. */
  deleteClientFlow: DeleteClientFlowResult;
  /** Admin only. PATCH /api/1/client_flows/. */
  patchClientFlow: PatchClientFlowResult;
  /** Shows the front of your queue (stabilized and realized); logs it. */
  peekScreen: PeekScreenResponse;
  /** Removes the front named by screenJwt, optionally triggers a flow, then peeks. Stale JWTs answer the current front (desync). */
  popScreen: PeekScreenResponse;
  /** Admin only. Starts an audio or video upload (POST /api/1/admin/client_flows/content/). */
  startClientFlowContentUpload: FileUpload;
  /** Admin only. Starts an image upload for a registered image processor (POST /api/1/admin/client_flows/image/). */
  startClientFlowImageUpload: FileUpload;
  /** Admin only. POST /api/1/client_flows/test_flow: trusted trigger of a saved flow on the admin's (or userSub's) queue. */
  testClientFlow: TestClientFlowResult;
  /** Admin only. POST /api/1/client_flows/test_screen: prepends one flow screen to the admin's own queue. */
  testClientScreen: TestClientScreenResult;
  /** Attaches a client event (any JSON, at most 2048 bytes serialized) to a screen you were shown. */
  traceScreen: Scalars['Boolean']['output'];
  /** Admin only. Trusted server trigger (queue-engine §7.5) on a user's queue: no pop, source server, then stabilization with the given platform (server when omitted). */
  triggerClientFlow: TriggerClientFlowResult;
};


export type MutationCreateClientFlowArgs = {
  input: CreateClientFlowInput;
};


export type MutationCustomPopScreenArgs = {
  endpoint: Scalars['String']['input'];
  platform: ClientPlatform;
  screenJwt: Scalars['String']['input'];
  trigger: ClientFlowTriggerInput;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationDeleteClientFlowArgs = {
  input: DeleteClientFlowInput;
};


export type MutationPatchClientFlowArgs = {
  input: PatchClientFlowInput;
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


export type MutationStartClientFlowContentUploadArgs = {
  fileSize: Scalars['Float']['input'];
  job: Scalars['String']['input'];
};


export type MutationStartClientFlowImageUploadArgs = {
  dynamicSize?: InputMaybe<DynamicSizeInput>;
  fileSize: Scalars['Float']['input'];
  job: Scalars['String']['input'];
};


export type MutationTestClientFlowArgs = {
  input: TestClientFlowInput;
};


export type MutationTestClientScreenArgs = {
  input: TestClientScreenInput;
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

/** A predicate filter item: scalar operators use value, range operators lower and upper. */
export type NumberCondition = {
  __typename?: 'NumberCondition';
  lower?: Maybe<Scalars['Float']['output']>;
  op: ComparisonOperator;
  upper?: Maybe<Scalars['Float']['output']>;
  value?: Maybe<Scalars['Float']['output']>;
};

/** Scalar operators use value; the eight range operators use lower and upper. */
export type NumberFilter = {
  lower?: InputMaybe<Scalars['Float']['input']>;
  op: ComparisonOperator;
  upper?: InputMaybe<Scalars['Float']['input']>;
  value?: InputMaybe<Scalars['Float']['input']>;
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Whether a replace rule passes the parameters on. */
export type ParameterForwarding =
  | 'COPY'
  | 'OMIT';

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

/** Absent field = no constraint / no change; explicit null only for name and description. */
export type PatchClientFlowInput = {
  /** Shorthand for precondition.revision. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  patch: ClientFlowPatchInput;
  precondition?: InputMaybe<ClientFlowPreconditionInput>;
  uid: Scalars['ID']['input'];
};

export type PatchClientFlowResult = ClientFlow | ClientFlowNotFoundError | ClientFlowProtectedError | ClientFlowSlugExistsError | InvalidClientFlowError | PreconditionFailedError;

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

export type PreconditionFailedError = ErrorResult & {
  __typename?: 'PreconditionFailedError';
  errorCode: ErrorCode;
  failures: Array<PreconditionFailure>;
  message: Scalars['String']['output'];
};

export type PreconditionFailure = {
  __typename?: 'PreconditionFailure';
  actual?: Maybe<Scalars['JSON']['output']>;
  expected?: Maybe<Scalars['JSON']['output']>;
  /** REST field name, e.g. client_schema. */
  field: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Admin only. Exactly one of uid or slug. */
  clientFlow?: Maybe<ClientFlow>;
  /** Admin only. The audit trail of admin changes, newest first (ours; no REST path). */
  clientFlowAuditLog: Array<ClientFlowAuditEntry>;
  /** Admin only. Audio and video of the client-flow lists (POST /api/1/admin/client_flows/content/search). */
  clientFlowContentFiles: ClientFlowContentFileConnection;
  /** Admin only. Images of the client-flow lists (POST /api/1/admin/client_flows/image/search); first 1–250, default 25. */
  clientFlowImages: ClientFlowImageConnection;
  /** Admin only. Daily flow counters for the 90 days ending two days ago. */
  clientFlowStats: ClientFlowStatsChart;
  /** Admin only. Client flows (POST /api/1/client_flows/search). */
  clientFlows: ClientFlowConnection;
  /** Admin only. Exactly one of uid or slug. */
  clientScreen?: Maybe<ClientScreen>;
  /** Admin only. Daily screen counters for the 90 days ending two days ago. */
  clientScreenStats: ClientScreenStatsChart;
  /** Admin only. Client screens (POST /api/1/client_screens/search). */
  clientScreens: ClientScreenConnection;
  /** Admin only. Today's and yesterday's flow counters. */
  partialClientFlowStats: PartialClientFlowStats;
  /** Admin only. Today's and yesterday's screen counters. */
  partialClientScreenStats: PartialClientScreenStats;
  /** Admin only. Trace events (POST /api/1/admin/logs/user_client_screen_actions). */
  userClientScreenActionsLog: UserClientScreenActionLogConnection;
  /** Admin only. Realized screens (POST /api/1/admin/logs/user_client_screens). */
  userClientScreensLog: UserClientScreenLogConnection;
  /** The authenticated user; creates the account on a first valid id token. */
  viewer: Viewer;
};


export type QueryClientFlowArgs = {
  slug?: InputMaybe<Scalars['String']['input']>;
  uid?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryClientFlowAuditLogArgs = {
  clientFlowUid?: InputMaybe<Scalars['ID']['input']>;
  limit?: Scalars['Int']['input'];
};


export type QueryClientFlowContentFilesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClientFlowContentFileFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<ClientFlowContentFileSort>>;
};


export type QueryClientFlowImagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClientFlowImageFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<ClientFlowImageSort>>;
};


export type QueryClientFlowsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClientFlowFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<ClientFlowSort>>;
};


export type QueryClientScreenArgs = {
  slug?: InputMaybe<Scalars['String']['input']>;
  uid?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryClientScreensArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClientScreenFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<ClientScreenSort>>;
};


export type QueryUserClientScreenActionsLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserClientScreenActionsLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<UserClientScreenActionsLogSort>>;
};


export type QueryUserClientScreensLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserClientScreensLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<UserClientScreensLogSort>>;
};

export type ReplaceFlowEffect = {
  __typename?: 'ReplaceFlowEffect';
  clientParameters: ParameterForwarding;
  serverParameters: ParameterForwarding;
  slug: Scalars['String']['output'];
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

export type SkipFlowEffect = {
  __typename?: 'SkipFlowEffect';
  /** Always true (object types need a field). */
  skip: Scalars['Boolean']['output'];
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

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

export type StringFormatVariable = {
  __typename?: 'StringFormatVariable';
  format: Scalars['String']['output'];
  outputPath: Array<Scalars['PathSegment']['output']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** A processing job's progress (the upload's `progress` uid and jwt): the stored events, then new ones, ending after failed or succeeded. */
  jobProgress: JobProgressEvent;
  /** Your own queue, live (graphql-ws on /graphql). The first event (SUBSCRIBED) arrives once the server listens; then one event per committed change, from any server instance. Re-peek when an event is newer than what you last saw. */
  screenQueueChanged: ScreenQueueChange;
};


export type SubscriptionJobProgressArgs = {
  jwt: Scalars['String']['input'];
  uid: Scalars['ID']['input'];
};

export type TestClientFlowAccepted = {
  __typename?: 'TestClientFlowAccepted';
  /** False for a dry run. */
  triggered: Scalars['Boolean']['output'];
  userSub: Scalars['ID']['output'];
};

export type TestClientFlowInput = {
  clientParameters: Scalars['JSONObject']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  serverParameters: Scalars['JSONObject']['input'];
  slug: Scalars['String']['input'];
  /** Default: the calling admin. */
  userSub?: InputMaybe<Scalars['ID']['input']>;
};

export type TestClientFlowResult = ClientFlowNotFoundError | FlowParametersMismatchError | TestClientFlowAccepted | UserNotFoundError;

export type TestClientScreenAccepted = {
  __typename?: 'TestClientScreenAccepted';
  /** False for a dry run. */
  queued: Scalars['Boolean']['output'];
  userClientScreenUid?: Maybe<Scalars['ID']['output']>;
};

export type TestClientScreenInput = {
  clientParameters: Scalars['JSONObject']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  flow: TestFlowSchemasInput;
  flowScreen: ClientFlowScreenInput;
  serverParameters: Scalars['JSONObject']['input'];
};

export type TestClientScreenRejectedError = ErrorResult & {
  __typename?: 'TestClientScreenRejectedError';
  errorCode: ErrorCode;
  message: Scalars['String']['output'];
  reason: TestClientScreenRejection;
};

/** The REST 409 type, upper-cased. */
export type TestClientScreenRejection =
  | 'CLIENT_PARAMETERS_MISMATCH'
  | 'CLIENT_SCHEMA_INVALID'
  | 'SCREEN_INPUT_PARAMETERS_DIDNT_MATCH'
  | 'SCREEN_INPUT_PARAMETERS_REDUNDANT'
  | 'SCREEN_INPUT_PARAMETERS_WONT_MATCH'
  | 'SCREEN_IS_UNSAFE'
  | 'SCREEN_NOT_FOUND'
  | 'SCREEN_REALIZATION_FAILED'
  | 'SERVER_PARAMETERS_MISMATCH'
  | 'SERVER_SCHEMA_INVALID'
  | 'SKIP';

export type TestClientScreenResult = TestClientScreenAccepted | TestClientScreenRejectedError;

export type TestFlowSchemasInput = {
  clientSchema: Scalars['JSONObject']['input'];
  serverSchema: Scalars['JSONObject']['input'];
};

/** Compares a text column; value null means NULL (eq: IS NULL, neq: IS NOT NULL). */
export type TextFilter = {
  op: TextOperator;
  value?: InputMaybe<Scalars['String']['input']>;
};

/** Text filter operators (REST codes upper-cased). */
export type TextOperator =
  | 'EQ'
  | 'GT'
  | 'GTE'
  | 'IEQ'
  | 'ILIKE'
  | 'INEQ'
  | 'LT'
  | 'LTE'
  | 'NEQ';

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

export type UserClientScreenActionLogConnection = {
  __typename?: 'UserClientScreenActionLogConnection';
  edges: Array<UserClientScreenActionLogEdge>;
  nodes: Array<UserClientScreenActionLogEntry>;
  pageInfo: PageInfo;
};

export type UserClientScreenActionLogEdge = {
  __typename?: 'UserClientScreenActionLogEdge';
  cursor: Scalars['String']['output'];
  node: UserClientScreenActionLogEntry;
};

/** One trace event of a shown screen. */
export type UserClientScreenActionLogEntry = {
  __typename?: 'UserClientScreenActionLogEntry';
  createdAt: Scalars['Float']['output'];
  /** Untrusted client JSON: render it escaped. */
  event: Scalars['JSON']['output'];
  /** The screen log row this event belongs to (batched per request; ours, not in the reference). */
  screenLog?: Maybe<UserClientScreenLogEntry>;
  uid: Scalars['ID']['output'];
  userClientScreenLogUid: Scalars['ID']['output'];
};

/** All given filters hold (AND). */
export type UserClientScreenActionsLogFilter = {
  createdAt?: InputMaybe<NumberFilter>;
  uid?: InputMaybe<TextFilter>;
  userClientScreenLogUid?: InputMaybe<TextFilter>;
};

export type UserClientScreenActionsLogSort = {
  dir: SortDirection;
  key: UserClientScreenActionsLogSortKey;
};

export type UserClientScreenActionsLogSortKey =
  | 'CREATED_AT'
  | 'UID'
  | 'USER_CLIENT_SCREEN_LOG_UID';

export type UserClientScreenLogConnection = {
  __typename?: 'UserClientScreenLogConnection';
  edges: Array<UserClientScreenLogEdge>;
  nodes: Array<UserClientScreenLogEntry>;
  pageInfo: PageInfo;
};

export type UserClientScreenLogEdge = {
  __typename?: 'UserClientScreenLogEdge';
  cursor: Scalars['String']['output'];
  node: UserClientScreenLogEntry;
};

/** One realized (peeked) screen. */
export type UserClientScreenLogEntry = {
  __typename?: 'UserClientScreenLogEntry';
  createdAt: Scalars['Float']['output'];
  platform: ClientPlatform;
  screen: LoggedScreen;
  uid: Scalars['ID']['output'];
  /** The user shown the screen (batched per request). */
  user: LogUser;
  /** The visitor uid of the response. */
  visitor?: Maybe<Scalars['String']['output']>;
};

/** All given filters hold (AND). */
export type UserClientScreensLogFilter = {
  createdAt?: InputMaybe<NumberFilter>;
  /** The slug inside the logged screen. */
  screenSlug?: InputMaybe<TextFilter>;
  uid?: InputMaybe<TextFilter>;
  userSub?: InputMaybe<TextFilter>;
  visitor?: InputMaybe<TextFilter>;
};

export type UserClientScreensLogSort = {
  dir: SortDirection;
  key: UserClientScreensLogSortKey;
};

export type UserClientScreensLogSortKey =
  | 'CREATED_AT'
  | 'UID'
  | 'USER_SUB'
  | 'VISITOR';

export type UserNotFoundError = ErrorResult & {
  __typename?: 'UserNotFoundError';
  errorCode: ErrorCode;
  message: Scalars['String']['output'];
  sub: Scalars['String']['output'];
};

export type ValidationIssue = {
  __typename?: 'ValidationIssue';
  /** Stable issue code (docs/admin.md). */
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  path: Scalars['String']['output'];
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

export type PageInfoFieldsFragment = { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null };

export type NumberConditionFieldsFragment = { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null };

export type PredicateFieldsFragment = { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null };

export type ClientFlowFieldsFragment = { __typename?: 'ClientFlow', uid: string, slug: string, name?: string | null, description?: string | null, clientSchema: Record<string, unknown>, serverSchema: Record<string, unknown>, replaces: boolean, flags: number, revision: number, createdAt: number, flagSet: { __typename?: 'ClientFlowFlagSet', showsInAdmin: boolean, isCustom: boolean, iosTriggerable: boolean, androidTriggerable: boolean, browserTriggerable: boolean }, screens: Array<{ __typename?: 'ClientFlowScreen', name?: string | null, allowedTriggers: Array<string>, flags: number, screen: { __typename?: 'ClientFlowScreenTarget', slug: string, fixed: Record<string, unknown>, variable: Array<{ __typename: 'CopyVariable', inputPath: Array<string>, outputPath: Array<any> } | { __typename: 'ExtractVariable', inputPath: Array<string>, extractedPath: Array<string>, outputPath: Array<any>, skipIfMissing: boolean } | { __typename: 'StringFormatVariable', format: string, outputPath: Array<any> }> }, rules: { __typename?: 'ClientFlowScreenRules', trigger?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null } | null, peek?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null } | null } }>, rules: Array<{ __typename?: 'ClientFlowRule', condition: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null }, effect: { __typename: 'ReplaceFlowEffect', slug: string, clientParameters: ParameterForwarding, serverParameters: ParameterForwarding } | { __typename: 'SkipFlowEffect', skip: boolean } }> };

export type AdminClientFlowsQueryVariables = Exact<{
  filter?: InputMaybe<ClientFlowFilter>;
  sort?: InputMaybe<Array<ClientFlowSort> | ClientFlowSort>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminClientFlowsQuery = { __typename?: 'Query', clientFlows: { __typename?: 'ClientFlowConnection', edges: Array<{ __typename?: 'ClientFlowEdge', cursor: string, node: { __typename?: 'ClientFlow', uid: string, slug: string, name?: string | null, description?: string | null, clientSchema: Record<string, unknown>, serverSchema: Record<string, unknown>, replaces: boolean, flags: number, revision: number, createdAt: number, flagSet: { __typename?: 'ClientFlowFlagSet', showsInAdmin: boolean, isCustom: boolean, iosTriggerable: boolean, androidTriggerable: boolean, browserTriggerable: boolean }, screens: Array<{ __typename?: 'ClientFlowScreen', name?: string | null, allowedTriggers: Array<string>, flags: number, screen: { __typename?: 'ClientFlowScreenTarget', slug: string, fixed: Record<string, unknown>, variable: Array<{ __typename: 'CopyVariable', inputPath: Array<string>, outputPath: Array<any> } | { __typename: 'ExtractVariable', inputPath: Array<string>, extractedPath: Array<string>, outputPath: Array<any>, skipIfMissing: boolean } | { __typename: 'StringFormatVariable', format: string, outputPath: Array<any> }> }, rules: { __typename?: 'ClientFlowScreenRules', trigger?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null } | null, peek?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null } | null } }>, rules: Array<{ __typename?: 'ClientFlowRule', condition: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null }, effect: { __typename: 'ReplaceFlowEffect', slug: string, clientParameters: ParameterForwarding, serverParameters: ParameterForwarding } | { __typename: 'SkipFlowEffect', skip: boolean } }> } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type AdminClientFlowKeysQueryVariables = Exact<{
  filter?: InputMaybe<ClientFlowFilter>;
  sort?: InputMaybe<Array<ClientFlowSort> | ClientFlowSort>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminClientFlowKeysQuery = { __typename?: 'Query', clientFlows: { __typename?: 'ClientFlowConnection', nodes: Array<{ __typename?: 'ClientFlow', uid: string, slug: string, name?: string | null, createdAt: number }>, edges: Array<{ __typename?: 'ClientFlowEdge', cursor: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type AdminClientFlowQueryVariables = Exact<{
  uid?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminClientFlowQuery = { __typename?: 'Query', clientFlow?: { __typename?: 'ClientFlow', uid: string, slug: string, name?: string | null, description?: string | null, clientSchema: Record<string, unknown>, serverSchema: Record<string, unknown>, replaces: boolean, flags: number, revision: number, createdAt: number, flagSet: { __typename?: 'ClientFlowFlagSet', showsInAdmin: boolean, isCustom: boolean, iosTriggerable: boolean, androidTriggerable: boolean, browserTriggerable: boolean }, screens: Array<{ __typename?: 'ClientFlowScreen', name?: string | null, allowedTriggers: Array<string>, flags: number, screen: { __typename?: 'ClientFlowScreenTarget', slug: string, fixed: Record<string, unknown>, variable: Array<{ __typename: 'CopyVariable', inputPath: Array<string>, outputPath: Array<any> } | { __typename: 'ExtractVariable', inputPath: Array<string>, extractedPath: Array<string>, outputPath: Array<any>, skipIfMissing: boolean } | { __typename: 'StringFormatVariable', format: string, outputPath: Array<any> }> }, rules: { __typename?: 'ClientFlowScreenRules', trigger?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null } | null, peek?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null } | null } }>, rules: Array<{ __typename?: 'ClientFlowRule', condition: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null }, effect: { __typename: 'ReplaceFlowEffect', slug: string, clientParameters: ParameterForwarding, serverParameters: ParameterForwarding } | { __typename: 'SkipFlowEffect', skip: boolean } }> } | null };

export type AdminClientScreensQueryVariables = Exact<{
  filter?: InputMaybe<ClientScreenFilter>;
  sort?: InputMaybe<Array<ClientScreenSort> | ClientScreenSort>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminClientScreensQuery = { __typename?: 'Query', clientScreens: { __typename?: 'ClientScreenConnection', edges: Array<{ __typename?: 'ClientScreenEdge', cursor: string, node: { __typename?: 'ClientScreen', uid: string, slug: string, name: string, description: string, screenSchema: Record<string, unknown>, flags: number } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type AdminClientScreenQueryVariables = Exact<{
  uid?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminClientScreenQuery = { __typename?: 'Query', clientScreen?: { __typename?: 'ClientScreen', uid: string, slug: string, name: string, description: string, screenSchema: Record<string, unknown>, flags: number } | null };

export type AdminScreensLogQueryVariables = Exact<{
  filter?: InputMaybe<UserClientScreensLogFilter>;
  sort?: InputMaybe<Array<UserClientScreensLogSort> | UserClientScreensLogSort>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminScreensLogQuery = { __typename?: 'Query', userClientScreensLog: { __typename?: 'UserClientScreenLogConnection', edges: Array<{ __typename?: 'UserClientScreenLogEdge', cursor: string, node: { __typename?: 'UserClientScreenLogEntry', uid: string, platform: ClientPlatform, visitor?: string | null, createdAt: number, screen: { __typename?: 'LoggedScreen', slug: string, parameters: unknown }, user: { __typename?: 'LogUser', sub: string, givenName?: string | null, familyName?: string | null, createdAt: number } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type AdminScreenActionsLogQueryVariables = Exact<{
  filter?: InputMaybe<UserClientScreenActionsLogFilter>;
  sort?: InputMaybe<Array<UserClientScreenActionsLogSort> | UserClientScreenActionsLogSort>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminScreenActionsLogQuery = { __typename?: 'Query', userClientScreenActionsLog: { __typename?: 'UserClientScreenActionLogConnection', edges: Array<{ __typename?: 'UserClientScreenActionLogEdge', cursor: string, node: { __typename?: 'UserClientScreenActionLogEntry', uid: string, userClientScreenLogUid: string, event: unknown, createdAt: number, screenLog?: { __typename?: 'UserClientScreenLogEntry', uid: string, screen: { __typename?: 'LoggedScreen', slug: string }, user: { __typename?: 'LogUser', sub: string } } | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

type ErrorResultFields_ClientFlowNotFoundError_Fragment = { __typename?: 'ClientFlowNotFoundError', errorCode: ErrorCode, message: string };

type ErrorResultFields_ClientFlowProtectedError_Fragment = { __typename?: 'ClientFlowProtectedError', errorCode: ErrorCode, message: string };

type ErrorResultFields_ClientFlowReferencedError_Fragment = { __typename?: 'ClientFlowReferencedError', errorCode: ErrorCode, message: string };

type ErrorResultFields_ClientFlowSlugExistsError_Fragment = { __typename?: 'ClientFlowSlugExistsError', errorCode: ErrorCode, message: string };

type ErrorResultFields_FlowParametersMismatchError_Fragment = { __typename?: 'FlowParametersMismatchError', errorCode: ErrorCode, message: string };

type ErrorResultFields_InvalidClientFlowError_Fragment = { __typename?: 'InvalidClientFlowError', errorCode: ErrorCode, message: string };

type ErrorResultFields_PreconditionFailedError_Fragment = { __typename?: 'PreconditionFailedError', errorCode: ErrorCode, message: string };

type ErrorResultFields_TestClientScreenRejectedError_Fragment = { __typename?: 'TestClientScreenRejectedError', errorCode: ErrorCode, message: string };

type ErrorResultFields_UserNotFoundError_Fragment = { __typename?: 'UserNotFoundError', errorCode: ErrorCode, message: string };

export type ErrorResultFieldsFragment = ErrorResultFields_ClientFlowNotFoundError_Fragment | ErrorResultFields_ClientFlowProtectedError_Fragment | ErrorResultFields_ClientFlowReferencedError_Fragment | ErrorResultFields_ClientFlowSlugExistsError_Fragment | ErrorResultFields_FlowParametersMismatchError_Fragment | ErrorResultFields_InvalidClientFlowError_Fragment | ErrorResultFields_PreconditionFailedError_Fragment | ErrorResultFields_TestClientScreenRejectedError_Fragment | ErrorResultFields_UserNotFoundError_Fragment;

export type AdminCreateClientFlowMutationVariables = Exact<{
  input: CreateClientFlowInput;
}>;


export type AdminCreateClientFlowMutation = { __typename?: 'Mutation', createClientFlow: { __typename: 'ClientFlow', uid: string, slug: string, name?: string | null, description?: string | null, clientSchema: Record<string, unknown>, serverSchema: Record<string, unknown>, replaces: boolean, flags: number, revision: number, createdAt: number, flagSet: { __typename?: 'ClientFlowFlagSet', showsInAdmin: boolean, isCustom: boolean, iosTriggerable: boolean, androidTriggerable: boolean, browserTriggerable: boolean }, screens: Array<{ __typename?: 'ClientFlowScreen', name?: string | null, allowedTriggers: Array<string>, flags: number, screen: { __typename?: 'ClientFlowScreenTarget', slug: string, fixed: Record<string, unknown>, variable: Array<{ __typename: 'CopyVariable', inputPath: Array<string>, outputPath: Array<any> } | { __typename: 'ExtractVariable', inputPath: Array<string>, extractedPath: Array<string>, outputPath: Array<any>, skipIfMissing: boolean } | { __typename: 'StringFormatVariable', format: string, outputPath: Array<any> }> }, rules: { __typename?: 'ClientFlowScreenRules', trigger?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null } | null, peek?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null } | null } }>, rules: Array<{ __typename?: 'ClientFlowRule', condition: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null }, effect: { __typename: 'ReplaceFlowEffect', slug: string, clientParameters: ParameterForwarding, serverParameters: ParameterForwarding } | { __typename: 'SkipFlowEffect', skip: boolean } }> } | { __typename: 'ClientFlowSlugExistsError', slug: string, errorCode: ErrorCode, message: string } };

export type AdminPatchClientFlowMutationVariables = Exact<{
  input: PatchClientFlowInput;
}>;


export type AdminPatchClientFlowMutation = { __typename?: 'Mutation', patchClientFlow: { __typename: 'ClientFlow', uid: string, slug: string, name?: string | null, description?: string | null, clientSchema: Record<string, unknown>, serverSchema: Record<string, unknown>, replaces: boolean, flags: number, revision: number, createdAt: number, flagSet: { __typename?: 'ClientFlowFlagSet', showsInAdmin: boolean, isCustom: boolean, iosTriggerable: boolean, androidTriggerable: boolean, browserTriggerable: boolean }, screens: Array<{ __typename?: 'ClientFlowScreen', name?: string | null, allowedTriggers: Array<string>, flags: number, screen: { __typename?: 'ClientFlowScreenTarget', slug: string, fixed: Record<string, unknown>, variable: Array<{ __typename: 'CopyVariable', inputPath: Array<string>, outputPath: Array<any> } | { __typename: 'ExtractVariable', inputPath: Array<string>, extractedPath: Array<string>, outputPath: Array<any>, skipIfMissing: boolean } | { __typename: 'StringFormatVariable', format: string, outputPath: Array<any> }> }, rules: { __typename?: 'ClientFlowScreenRules', trigger?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null } | null, peek?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null } | null } }>, rules: Array<{ __typename?: 'ClientFlowRule', condition: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, timeInQueue?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, queuedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountCreatedAt?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, randomFloat?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, or?: { __typename?: 'ClientFlowPredicate', version?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null, accountAge?: { __typename?: 'NumberCondition', op: ComparisonOperator, value?: number | null, lower?: number | null, upper?: number | null } | null } | null }, effect: { __typename: 'ReplaceFlowEffect', slug: string, clientParameters: ParameterForwarding, serverParameters: ParameterForwarding } | { __typename: 'SkipFlowEffect', skip: boolean } }> } | { __typename: 'ClientFlowNotFoundError', errorCode: ErrorCode, message: string, notFoundUid?: string | null } | { __typename: 'ClientFlowProtectedError', reason: ClientFlowProtectionReason, errorCode: ErrorCode, message: string } | { __typename: 'ClientFlowSlugExistsError', errorCode: ErrorCode, message: string, takenSlug: string } | { __typename: 'InvalidClientFlowError', errorCode: ErrorCode, message: string, issues: Array<{ __typename?: 'ValidationIssue', path: string, code: string, message: string }> } | { __typename: 'PreconditionFailedError', errorCode: ErrorCode, message: string, failures: Array<{ __typename?: 'PreconditionFailure', field: string, expected?: unknown | null, actual?: unknown | null }> } };

export type AdminDeleteClientFlowMutationVariables = Exact<{
  input: DeleteClientFlowInput;
}>;


export type AdminDeleteClientFlowMutation = { __typename?: 'Mutation', deleteClientFlow: { __typename: 'ClientFlowNotFoundError', errorCode: ErrorCode, message: string } | { __typename: 'ClientFlowProtectedError', reason: ClientFlowProtectionReason, errorCode: ErrorCode, message: string } | { __typename: 'ClientFlowReferencedError', errorCode: ErrorCode, message: string, references: Array<{ __typename?: 'ClientFlowReference', uid: string, slug: string, location: string }> } | { __typename: 'DeletedClientFlow', deletedUid: string, deletedSlug: string } };

export type AdminTestClientScreenMutationVariables = Exact<{
  input: TestClientScreenInput;
}>;


export type AdminTestClientScreenMutation = { __typename?: 'Mutation', testClientScreen: { __typename: 'TestClientScreenAccepted', queued: boolean, userClientScreenUid?: string | null } | { __typename: 'TestClientScreenRejectedError', reason: TestClientScreenRejection, errorCode: ErrorCode, message: string } };

export type AdminTestClientFlowMutationVariables = Exact<{
  input: TestClientFlowInput;
}>;


export type AdminTestClientFlowMutation = { __typename?: 'Mutation', testClientFlow: { __typename: 'ClientFlowNotFoundError', errorCode: ErrorCode, message: string, notFoundSlug?: string | null } | { __typename: 'FlowParametersMismatchError', which: FlowParameterKind, errorCode: ErrorCode, message: string } | { __typename: 'TestClientFlowAccepted', triggered: boolean, userSub: string } | { __typename: 'UserNotFoundError', sub: string, errorCode: ErrorCode, message: string } };

export type AdminClientFlowAuditLogQueryVariables = Exact<{
  clientFlowUid?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
}>;


export type AdminClientFlowAuditLogQuery = { __typename?: 'Query', clientFlowAuditLog: Array<{ __typename?: 'ClientFlowAuditEntry', uid: string, adminSub: string, action: string, clientFlowUid: string, clientFlowSlug: string, changes: Record<string, unknown>, createdAt: number }> };

export type ScreenQueueChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ScreenQueueChangedSubscription = { __typename?: 'Subscription', screenQueueChanged: { __typename?: 'ScreenQueueChange', queueVersion: number, reason: ScreenQueueChangeReason, flowSlug?: string | null, occurredAt: number } };

export type StartClientFlowImageUploadMutationVariables = Exact<{
  job: Scalars['String']['input'];
  fileSize: Scalars['Float']['input'];
  dynamicSize?: InputMaybe<DynamicSizeInput>;
}>;


export type StartClientFlowImageUploadMutation = { __typename?: 'Mutation', startClientFlowImageUpload: { __typename?: 'FileUpload', uid: string, jwt: string, partRanges: Array<{ __typename?: 'FileUploadPartRange', startNumber: number, startByte: number, numberOfParts: number, partSize: number }>, parts: Array<{ __typename?: 'FileUploadPart', number: number, startByte: number, endByte: number }>, progress: { __typename?: 'MediaRef', uid: string, jwt: string } } };

export type StartClientFlowContentUploadMutationVariables = Exact<{
  job: Scalars['String']['input'];
  fileSize: Scalars['Float']['input'];
}>;


export type StartClientFlowContentUploadMutation = { __typename?: 'Mutation', startClientFlowContentUpload: { __typename?: 'FileUpload', uid: string, jwt: string, partRanges: Array<{ __typename?: 'FileUploadPartRange', startNumber: number, startByte: number, numberOfParts: number, partSize: number }>, parts: Array<{ __typename?: 'FileUploadPart', number: number, startByte: number, endByte: number }>, progress: { __typename?: 'MediaRef', uid: string, jwt: string } } };

export type ClientFlowContentFilesQueryVariables = Exact<{
  filter?: InputMaybe<ClientFlowContentFileFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ClientFlowContentFilesQuery = { __typename?: 'Query', clientFlowContentFiles: { __typename?: 'ClientFlowContentFileConnection', nodes: Array<{ __typename?: 'ClientFlowContentFile', uid: string, listSlug: string, originalFileSha512: string, lastUploadedAt: number, contentFile: { __typename?: 'MediaRef', uid: string, jwt: string }, transcript?: { __typename?: 'MediaRef', uid: string } | null }> } };

export type ClientFlowImagesQueryVariables = Exact<{
  filter?: InputMaybe<ClientFlowImageFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ClientFlowImagesQuery = { __typename?: 'Query', clientFlowImages: { __typename?: 'ClientFlowImageConnection', nodes: Array<{ __typename?: 'ClientFlowImage', uid: string, listSlug: string, originalFileSha512: string, imageFile: { __typename?: 'MediaRef', uid: string, jwt: string } }> } };

export type JobProgressSubscriptionVariables = Exact<{
  uid: Scalars['ID']['input'];
  jwt: Scalars['String']['input'];
}>;


export type JobProgressSubscription = { __typename?: 'Subscription', jobProgress: { __typename?: 'JobProgressEvent', type: string, message: string, indicator?: Record<string, unknown> | null, occurredAt: number } };

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

export const PageInfoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const NumberConditionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberConditionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberCondition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"op"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}}]} as unknown as DocumentNode<NumberConditionFieldsFragment, unknown>;
export const PredicateFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PredicateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowPredicate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeInQueue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountCreatedAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"randomFloat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"or"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberConditionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberCondition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"op"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}}]} as unknown as DocumentNode<PredicateFieldsFragment, unknown>;
export const ClientFlowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientFlowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"clientSchema"}},{"kind":"Field","name":{"kind":"Name","value":"serverSchema"}},{"kind":"Field","name":{"kind":"Name","value":"replaces"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"flagSet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"showsInAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"isCustom"}},{"kind":"Field","name":{"kind":"Name","value":"iosTriggerable"}},{"kind":"Field","name":{"kind":"Name","value":"androidTriggerable"}},{"kind":"Field","name":{"kind":"Name","value":"browserTriggerable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"screens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTriggers"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"screen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"fixed"}},{"kind":"Field","name":{"kind":"Name","value":"variable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringFormatVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CopyVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputPath"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExtractVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputPath"}},{"kind":"Field","name":{"kind":"Name","value":"extractedPath"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}},{"kind":"Field","name":{"kind":"Name","value":"skipIfMissing"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trigger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peek"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"condition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"effect"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplaceFlowEffect"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"clientParameters"}},{"kind":"Field","name":{"kind":"Name","value":"serverParameters"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SkipFlowEffect"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skip"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberConditionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberCondition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"op"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PredicateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowPredicate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeInQueue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountCreatedAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"randomFloat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"or"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}}]}}]}}]} as unknown as DocumentNode<ClientFlowFieldsFragment, unknown>;
export const ErrorResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ErrorResultFieldsFragment, unknown>;
export const FlowDayFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowDay"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowDayStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggered"}},{"kind":"Field","name":{"kind":"Name","value":"triggeredBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replaced"}},{"kind":"Field","name":{"kind":"Name","value":"replacedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<FlowDayFragment, unknown>;
export const ScreenDayFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenDay"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientScreenDayStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"queuedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peeked"}},{"kind":"Field","name":{"kind":"Name","value":"peekedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"popped"}},{"kind":"Field","name":{"kind":"Name","value":"poppedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"traced"}},{"kind":"Field","name":{"kind":"Name","value":"tracedBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<ScreenDayFragment, unknown>;
export const AdminClientFlowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminClientFlows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientFlows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientFlowFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberConditionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberCondition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"op"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PredicateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowPredicate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeInQueue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountCreatedAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"randomFloat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"or"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientFlowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"clientSchema"}},{"kind":"Field","name":{"kind":"Name","value":"serverSchema"}},{"kind":"Field","name":{"kind":"Name","value":"replaces"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"flagSet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"showsInAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"isCustom"}},{"kind":"Field","name":{"kind":"Name","value":"iosTriggerable"}},{"kind":"Field","name":{"kind":"Name","value":"androidTriggerable"}},{"kind":"Field","name":{"kind":"Name","value":"browserTriggerable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"screens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTriggers"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"screen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"fixed"}},{"kind":"Field","name":{"kind":"Name","value":"variable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringFormatVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CopyVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputPath"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExtractVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputPath"}},{"kind":"Field","name":{"kind":"Name","value":"extractedPath"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}},{"kind":"Field","name":{"kind":"Name","value":"skipIfMissing"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trigger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peek"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"condition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"effect"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplaceFlowEffect"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"clientParameters"}},{"kind":"Field","name":{"kind":"Name","value":"serverParameters"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SkipFlowEffect"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skip"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<AdminClientFlowsQuery, AdminClientFlowsQueryVariables>;
export const AdminClientFlowKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminClientFlowKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientFlows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<AdminClientFlowKeysQuery, AdminClientFlowKeysQueryVariables>;
export const AdminClientFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminClientFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uid"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uid"}}},{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientFlowFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberConditionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberCondition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"op"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PredicateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowPredicate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeInQueue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountCreatedAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"randomFloat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"or"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientFlowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"clientSchema"}},{"kind":"Field","name":{"kind":"Name","value":"serverSchema"}},{"kind":"Field","name":{"kind":"Name","value":"replaces"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"flagSet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"showsInAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"isCustom"}},{"kind":"Field","name":{"kind":"Name","value":"iosTriggerable"}},{"kind":"Field","name":{"kind":"Name","value":"androidTriggerable"}},{"kind":"Field","name":{"kind":"Name","value":"browserTriggerable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"screens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTriggers"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"screen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"fixed"}},{"kind":"Field","name":{"kind":"Name","value":"variable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringFormatVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CopyVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputPath"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExtractVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputPath"}},{"kind":"Field","name":{"kind":"Name","value":"extractedPath"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}},{"kind":"Field","name":{"kind":"Name","value":"skipIfMissing"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trigger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peek"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"condition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"effect"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplaceFlowEffect"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"clientParameters"}},{"kind":"Field","name":{"kind":"Name","value":"serverParameters"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SkipFlowEffect"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skip"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdminClientFlowQuery, AdminClientFlowQueryVariables>;
export const AdminClientScreensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminClientScreens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientScreenFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientScreenSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientScreens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"screenSchema"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<AdminClientScreensQuery, AdminClientScreensQueryVariables>;
export const AdminClientScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminClientScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uid"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientScreen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uid"}}},{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"screenSchema"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}}]}}]}}]} as unknown as DocumentNode<AdminClientScreenQuery, AdminClientScreenQueryVariables>;
export const AdminScreensLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminScreensLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserClientScreensLogFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UserClientScreensLogSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userClientScreensLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"visitor"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"screen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<AdminScreensLogQuery, AdminScreensLogQueryVariables>;
export const AdminScreenActionsLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminScreenActionsLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserClientScreenActionsLogFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UserClientScreenActionsLogSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userClientScreenActionsLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"userClientScreenLogUid"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"screenLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"screen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sub"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<AdminScreenActionsLogQuery, AdminScreenActionsLogQueryVariables>;
export const AdminCreateClientFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateClientFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClientFlowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createClientFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientFlowFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowSlugExistsError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorResultFields"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberConditionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberCondition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"op"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PredicateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowPredicate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeInQueue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountCreatedAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"randomFloat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"or"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientFlowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"clientSchema"}},{"kind":"Field","name":{"kind":"Name","value":"serverSchema"}},{"kind":"Field","name":{"kind":"Name","value":"replaces"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"flagSet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"showsInAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"isCustom"}},{"kind":"Field","name":{"kind":"Name","value":"iosTriggerable"}},{"kind":"Field","name":{"kind":"Name","value":"androidTriggerable"}},{"kind":"Field","name":{"kind":"Name","value":"browserTriggerable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"screens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTriggers"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"screen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"fixed"}},{"kind":"Field","name":{"kind":"Name","value":"variable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringFormatVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CopyVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputPath"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExtractVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputPath"}},{"kind":"Field","name":{"kind":"Name","value":"extractedPath"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}},{"kind":"Field","name":{"kind":"Name","value":"skipIfMissing"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trigger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peek"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"condition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"effect"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplaceFlowEffect"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"clientParameters"}},{"kind":"Field","name":{"kind":"Name","value":"serverParameters"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SkipFlowEffect"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skip"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<AdminCreateClientFlowMutation, AdminCreateClientFlowMutationVariables>;
export const AdminPatchClientFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminPatchClientFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PatchClientFlowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patchClientFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientFlowFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorResultFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowNotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"notFoundUid"},"name":{"kind":"Name","value":"uid"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PreconditionFailedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"expected"}},{"kind":"Field","name":{"kind":"Name","value":"actual"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowSlugExistsError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"takenSlug"},"name":{"kind":"Name","value":"slug"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowProtectedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidClientFlowError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberConditionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberCondition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"op"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PredicateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowPredicate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeInQueue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountCreatedAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"randomFloat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"or"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberConditionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientFlowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"clientSchema"}},{"kind":"Field","name":{"kind":"Name","value":"serverSchema"}},{"kind":"Field","name":{"kind":"Name","value":"replaces"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"flagSet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"showsInAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"isCustom"}},{"kind":"Field","name":{"kind":"Name","value":"iosTriggerable"}},{"kind":"Field","name":{"kind":"Name","value":"androidTriggerable"}},{"kind":"Field","name":{"kind":"Name","value":"browserTriggerable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"screens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTriggers"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"screen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"fixed"}},{"kind":"Field","name":{"kind":"Name","value":"variable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringFormatVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CopyVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputPath"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExtractVariable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputPath"}},{"kind":"Field","name":{"kind":"Name","value":"extractedPath"}},{"kind":"Field","name":{"kind":"Name","value":"outputPath"}},{"kind":"Field","name":{"kind":"Name","value":"skipIfMissing"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trigger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peek"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"condition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PredicateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"effect"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplaceFlowEffect"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"clientParameters"}},{"kind":"Field","name":{"kind":"Name","value":"serverParameters"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SkipFlowEffect"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skip"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<AdminPatchClientFlowMutation, AdminPatchClientFlowMutationVariables>;
export const AdminDeleteClientFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminDeleteClientFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteClientFlowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteClientFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeletedClientFlow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"deletedUid"},"name":{"kind":"Name","value":"uid"}},{"kind":"Field","alias":{"kind":"Name","value":"deletedSlug"},"name":{"kind":"Name","value":"slug"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorResultFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowProtectedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowReferencedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"references"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"location"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<AdminDeleteClientFlowMutation, AdminDeleteClientFlowMutationVariables>;
export const AdminTestClientScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminTestClientScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TestClientScreenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testClientScreen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TestClientScreenAccepted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"userClientScreenUid"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TestClientScreenRejectedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorResultFields"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<AdminTestClientScreenMutation, AdminTestClientScreenMutationVariables>;
export const AdminTestClientFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminTestClientFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TestClientFlowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testClientFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TestClientFlowAccepted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggered"}},{"kind":"Field","name":{"kind":"Name","value":"userSub"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorResultFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowNotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"notFoundSlug"},"name":{"kind":"Name","value":"slug"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FlowParametersMismatchError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"which"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserNotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sub"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<AdminTestClientFlowMutation, AdminTestClientFlowMutationVariables>;
export const AdminClientFlowAuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminClientFlowAuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientFlowUid"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientFlowAuditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientFlowUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientFlowUid"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"adminSub"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"clientFlowUid"}},{"kind":"Field","name":{"kind":"Name","value":"clientFlowSlug"}},{"kind":"Field","name":{"kind":"Name","value":"changes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<AdminClientFlowAuditLogQuery, AdminClientFlowAuditLogQueryVariables>;
export const ScreenQueueChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ScreenQueueChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"screenQueueChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queueVersion"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"flowSlug"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<ScreenQueueChangedSubscription, ScreenQueueChangedSubscriptionVariables>;
export const StartClientFlowImageUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartClientFlowImageUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"job"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileSize"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dynamicSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DynamicSizeInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startClientFlowImageUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"job"},"value":{"kind":"Variable","name":{"kind":"Name","value":"job"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileSize"}}},{"kind":"Argument","name":{"kind":"Name","value":"dynamicSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dynamicSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"jwt"}},{"kind":"Field","name":{"kind":"Name","value":"partRanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startNumber"}},{"kind":"Field","name":{"kind":"Name","value":"startByte"}},{"kind":"Field","name":{"kind":"Name","value":"numberOfParts"}},{"kind":"Field","name":{"kind":"Name","value":"partSize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"startByte"}},{"kind":"Field","name":{"kind":"Name","value":"endByte"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"jwt"}}]}}]}}]}}]} as unknown as DocumentNode<StartClientFlowImageUploadMutation, StartClientFlowImageUploadMutationVariables>;
export const StartClientFlowContentUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartClientFlowContentUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"job"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileSize"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startClientFlowContentUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"job"},"value":{"kind":"Variable","name":{"kind":"Name","value":"job"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"jwt"}},{"kind":"Field","name":{"kind":"Name","value":"partRanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startNumber"}},{"kind":"Field","name":{"kind":"Name","value":"startByte"}},{"kind":"Field","name":{"kind":"Name","value":"numberOfParts"}},{"kind":"Field","name":{"kind":"Name","value":"partSize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"startByte"}},{"kind":"Field","name":{"kind":"Name","value":"endByte"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"jwt"}}]}}]}}]}}]} as unknown as DocumentNode<StartClientFlowContentUploadMutation, StartClientFlowContentUploadMutationVariables>;
export const ClientFlowContentFilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientFlowContentFiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowContentFileFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientFlowContentFiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"listSlug"}},{"kind":"Field","name":{"kind":"Name","value":"contentFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"jwt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transcript"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalFileSha512"}},{"kind":"Field","name":{"kind":"Name","value":"lastUploadedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ClientFlowContentFilesQuery, ClientFlowContentFilesQueryVariables>;
export const ClientFlowImagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientFlowImages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFlowImageFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientFlowImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"listSlug"}},{"kind":"Field","name":{"kind":"Name","value":"imageFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"jwt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalFileSha512"}}]}}]}}]}}]} as unknown as DocumentNode<ClientFlowImagesQuery, ClientFlowImagesQueryVariables>;
export const JobProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"JobProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jwt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uid"}}},{"kind":"Argument","name":{"kind":"Name","value":"jwt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jwt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"indicator"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<JobProgressSubscription, JobProgressSubscriptionVariables>;
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