import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, InputType, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import type { JsonValue } from '../../domain/json';
import { USER_CLIENT_SCREEN_ACTIONS_LOG_SEARCH, USER_CLIENT_SCREENS_LOG_SEARCH } from '../../domain/search/resources';
import { searchScreenActionsLog, searchScreensLog, type ScreenActionLogEntry, type ScreenLogEntry } from '../../services/admin/search.service';
import type { GraphQLContext } from '../context';
import { requireAdmin } from '../guards';
import { JSONScalar } from '../scalars';
import { ClientPlatform } from '../screens/client-platform.enum';
import { type Connection, ConnectionArgs, connectionQuery, connectionTypes, toConnection } from './connection';
import { NumberFilterInput, SortDirection, TextFilterInput } from './filters.type';

@ObjectType('LogUser')
export class LogUserType {
  @Field(() => ID) sub!: string;
  @Field(() => String, { nullable: true }) givenName!: string | null;
  @Field(() => String, { nullable: true }) familyName!: string | null;
  @Field(() => Float) createdAt!: number;
}

@ObjectType('LoggedScreen')
export class LoggedScreenType {
  @Field(() => String) slug!: string;
  @Field(() => JSONScalar, { description: 'The realized parameters exactly as sent to the client.' }) parameters!: JsonValue;
}

@ObjectType('UserClientScreenLogEntry', { description: 'One realized (peeked) screen.' })
export class UserClientScreenLogEntryType {
  @Field(() => ID) uid!: string;
  @Field(() => ClientPlatform) platform!: ClientPlatform;
  @Field(() => String, { nullable: true, description: 'The visitor uid of the response.' }) visitor!: string | null;
  @Field(() => LoggedScreenType) screen!: LoggedScreenType;
  @Field(() => Float) createdAt!: number;
  /** Resolved through the request's DataLoader (`user` field). */
  userId!: string;
}

@ObjectType('UserClientScreenActionLogEntry', { description: 'One trace event of a shown screen.' })
export class UserClientScreenActionLogEntryType {
  @Field(() => ID) uid!: string;
  @Field(() => ID) userClientScreenLogUid!: string;
  @Field(() => JSONScalar, { description: 'Untrusted client JSON: render it escaped.' }) event!: JsonValue;
  @Field(() => Float) createdAt!: number;
}

export enum UserClientScreensLogSortKey { USER_SUB = 'user_sub', VISITOR = 'visitor', CREATED_AT = 'created_at', UID = 'uid' }
registerEnumType(UserClientScreensLogSortKey, { name: 'UserClientScreensLogSortKey' });
export enum UserClientScreenActionsLogSortKey { USER_CLIENT_SCREEN_LOG_UID = 'user_client_screen_log_uid', CREATED_AT = 'created_at', UID = 'uid' }
registerEnumType(UserClientScreenActionsLogSortKey, { name: 'UserClientScreenActionsLogSortKey' });

@InputType('UserClientScreensLogSort')
class UserClientScreensLogSortInput {
  @Field(() => UserClientScreensLogSortKey) key!: UserClientScreensLogSortKey;
  @Field(() => SortDirection) dir!: SortDirection;
}

@InputType('UserClientScreenActionsLogSort')
class UserClientScreenActionsLogSortInput {
  @Field(() => UserClientScreenActionsLogSortKey) key!: UserClientScreenActionsLogSortKey;
  @Field(() => SortDirection) dir!: SortDirection;
}

@InputType('UserClientScreensLogFilter', { description: 'All given filters hold (AND).' })
class UserClientScreensLogFilterInput {
  @Field(() => TextFilterInput, { nullable: true }) uid?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) userSub?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) visitor?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true, description: 'The slug inside the logged screen.' }) screenSlug?: TextFilterInput;
  @Field(() => NumberFilterInput, { nullable: true }) createdAt?: NumberFilterInput;
}

@InputType('UserClientScreenActionsLogFilter', { description: 'All given filters hold (AND).' })
class UserClientScreenActionsLogFilterInput {
  @Field(() => TextFilterInput, { nullable: true }) uid?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) userClientScreenLogUid?: TextFilterInput;
  @Field(() => NumberFilterInput, { nullable: true }) createdAt?: NumberFilterInput;
}

const UserClientScreenLogConnection = connectionTypes('UserClientScreenLog', UserClientScreenLogEntryType);
const UserClientScreenActionLogConnection = connectionTypes('UserClientScreenActionLog', UserClientScreenActionLogEntryType);

const screenLogNode = (e: ScreenLogEntry): UserClientScreenLogEntryType => ({ ...e, platform: e.platform as ClientPlatform });
const actionNode = (e: ScreenActionLogEntry): UserClientScreenActionLogEntryType => e;

@Resolver(() => UserClientScreenLogEntryType)
export class UserClientScreensLogResolver {
  @Query(() => UserClientScreenLogConnection, { description: 'Admin only. Realized screens (POST /api/1/admin/logs/user_client_screens).' })
  async userClientScreensLog(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => UserClientScreensLogFilterInput, { nullable: true }) filter: UserClientScreensLogFilterInput | null,
    @Arg('sort', () => [UserClientScreensLogSortInput], { nullable: true }) sort: UserClientScreensLogSortInput[] | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ): Promise<Connection<UserClientScreenLogEntryType>> {
    await requireAdmin(ctx);
    const q = connectionQuery(USER_CLIENT_SCREENS_LOG_SEARCH, { ...filter }, sort, page);
    return toConnection(USER_CLIENT_SCREENS_LOG_SEARCH, q, await searchScreensLog(ctx.app, q.query), screenLogNode);
  }

  @FieldResolver(() => LogUserType, { description: 'The user shown the screen (batched per request).' })
  async user(@Root() entry: UserClientScreenLogEntryType, @Ctx() ctx: GraphQLContext): Promise<LogUserType> {
    const user = await ctx.loaders.logUser.load(entry.userId);
    // The log row's foreign key cascades, so a missing user means it was deleted mid-request.
    if (user === null) throw new Error(`log ${entry.uid}: user ${entry.userId} vanished`);
    return user;
  }
}

@Resolver(() => UserClientScreenActionLogEntryType)
export class UserClientScreenActionsLogResolver {
  @Query(() => UserClientScreenActionLogConnection, {
    description: 'Admin only. Trace events (POST /api/1/admin/logs/user_client_screen_actions).',
  })
  async userClientScreenActionsLog(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => UserClientScreenActionsLogFilterInput, { nullable: true }) filter: UserClientScreenActionsLogFilterInput | null,
    @Arg('sort', () => [UserClientScreenActionsLogSortInput], { nullable: true }) sort: UserClientScreenActionsLogSortInput[] | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ): Promise<Connection<UserClientScreenActionLogEntryType>> {
    await requireAdmin(ctx);
    const q = connectionQuery(USER_CLIENT_SCREEN_ACTIONS_LOG_SEARCH, { ...filter }, sort, page);
    return toConnection(USER_CLIENT_SCREEN_ACTIONS_LOG_SEARCH, q, await searchScreenActionsLog(ctx.app, q.query), actionNode);
  }

  @FieldResolver(() => UserClientScreenLogEntryType, {
    nullable: true,
    description: 'The screen log row this event belongs to (batched per request; ours, not in the reference).',
  })
  screenLog(@Root() entry: UserClientScreenActionLogEntryType, @Ctx() ctx: GraphQLContext): Promise<UserClientScreenLogEntryType | null> {
    return ctx.loaders.screenLog.load(entry.userClientScreenLogUid).then((e) => (e === null ? null : screenLogNode(e)));
  }
}
