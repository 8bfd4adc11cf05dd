import { Arg, Args, Ctx, Field, ID, InputType, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { JsonObject } from '../../domain/json';
import { CLIENT_SCREENS_SEARCH } from '../../domain/search/resources';
import { searchClientScreens, type ClientScreenRecord } from '../../services/admin/search.service';
import type { GraphQLContext } from '../context';
import { requireAdmin } from '../guards';
import { JSONObjectScalar } from '../scalars';
import { type Connection, ConnectionArgs, connectionQuery, connectionTypes, toConnection } from './connection';
import { BitFieldFilterInput, SortDirection, TextFilterInput } from './filters.type';
import { findOneBy } from './find-one';

@ObjectType('ClientScreen', { description: 'A screen type the clients can render (read-only: screens come from migrations).' })
export class ClientScreenType {
  @Field(() => ID) uid!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => JSONObjectScalar, { description: 'OpenAPI 3.0.3 schema of the screen input.' }) screenSchema!: JsonObject;
  @Field(() => Int, { description: 'Screen layout: 1 shows in admin, 2 browser, 4 iOS, 8 Android.' }) flags!: number;
}

export enum ClientScreenSortKey { UID = 'uid', SLUG = 'slug', NAME = 'name' }
registerEnumType(ClientScreenSortKey, { name: 'ClientScreenSortKey' });

@InputType('ClientScreenSort')
class ClientScreenSortInput {
  @Field(() => ClientScreenSortKey) key!: ClientScreenSortKey;
  @Field(() => SortDirection) dir!: SortDirection;
}

@InputType('ClientScreenFilter', { description: 'All given filters hold (AND).' })
class ClientScreenFilterInput {
  @Field(() => TextFilterInput, { nullable: true }) uid?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) slug?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) name?: TextFilterInput;
  @Field(() => BitFieldFilterInput, { nullable: true }) flags?: BitFieldFilterInput;
}

const ClientScreenConnection = connectionTypes('ClientScreen', ClientScreenType);
const node = (screen: ClientScreenRecord): ClientScreenType => screen;

@Resolver()
export class ClientScreensResolver {
  @Query(() => ClientScreenConnection, { description: 'Admin only. Client screens (POST /api/1/client_screens/search).' })
  async clientScreens(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ClientScreenFilterInput, { nullable: true }) filter: ClientScreenFilterInput | null,
    @Arg('sort', () => [ClientScreenSortInput], { nullable: true }) sort: ClientScreenSortInput[] | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ): Promise<Connection<ClientScreenType>> {
    await requireAdmin(ctx);
    const q = connectionQuery(CLIENT_SCREENS_SEARCH, { ...filter }, sort, page);
    return toConnection(CLIENT_SCREENS_SEARCH, q, await searchClientScreens(ctx.app, q.query), node);
  }

  @Query(() => ClientScreenType, { nullable: true, description: 'Admin only. Exactly one of uid or slug.' })
  async clientScreen(
    @Ctx() ctx: GraphQLContext,
    @Arg('uid', () => ID, { nullable: true }) uid: string | null,
    @Arg('slug', () => String, { nullable: true }) slug: string | null,
  ): Promise<ClientScreenType | null> {
    await requireAdmin(ctx);
    return findOneBy(ctx.app, CLIENT_SCREENS_SEARCH, searchClientScreens, { uid, slug });
  }
}
