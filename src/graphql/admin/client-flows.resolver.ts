import { Arg, Args, Ctx, Field, ID, InputType, Query, registerEnumType, Resolver } from 'type-graphql';
import { CLIENT_FLOWS_SEARCH } from '../../domain/search/resources';
import { searchClientFlows } from '../../services/admin/search.service';
import type { GraphQLContext } from '../context';
import { requireAdmin } from '../guards';
import { clientFlowNode, ClientFlowType } from './client-flow.type';
import { type Connection, ConnectionArgs, connectionQuery, connectionTypes, toConnection } from './connection';
import { BitFieldFilterInput, NumberFilterInput, SortDirection, TextFilterInput } from './filters.type';
import { findOneBy } from './find-one';

export enum ClientFlowSortKey { UID = 'uid', SLUG = 'slug', NAME = 'name', CREATED_AT = 'created_at' }
registerEnumType(ClientFlowSortKey, { name: 'ClientFlowSortKey' });

@InputType('ClientFlowSort')
class ClientFlowSortInput {
  @Field(() => ClientFlowSortKey) key!: ClientFlowSortKey;
  @Field(() => SortDirection) dir!: SortDirection;
}

@InputType('ClientFlowFilter', { description: 'All given filters hold (AND).' })
class ClientFlowFilterInput {
  @Field(() => TextFilterInput, { nullable: true }) uid?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) slug?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) name?: TextFilterInput;
  @Field(() => BitFieldFilterInput, { nullable: true }) flags?: BitFieldFilterInput;
  @Field(() => NumberFilterInput, { nullable: true }) createdAt?: NumberFilterInput;
}

const ClientFlowConnection = connectionTypes('ClientFlow', ClientFlowType);

@Resolver()
export class ClientFlowsResolver {
  @Query(() => ClientFlowConnection, { description: 'Admin only. Client flows (POST /api/1/client_flows/search).' })
  async clientFlows(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ClientFlowFilterInput, { nullable: true }) filter: ClientFlowFilterInput | null,
    @Arg('sort', () => [ClientFlowSortInput], { nullable: true }) sort: ClientFlowSortInput[] | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ): Promise<Connection<ClientFlowType>> {
    await requireAdmin(ctx);
    const q = connectionQuery(CLIENT_FLOWS_SEARCH, { ...filter }, sort, page);
    return toConnection(CLIENT_FLOWS_SEARCH, q, await searchClientFlows(ctx.app, q.query), clientFlowNode);
  }

  @Query(() => ClientFlowType, { nullable: true, description: 'Admin only. Exactly one of uid or slug.' })
  async clientFlow(
    @Ctx() ctx: GraphQLContext,
    @Arg('uid', () => ID, { nullable: true }) uid: string | null,
    @Arg('slug', () => String, { nullable: true }) slug: string | null,
  ): Promise<ClientFlowType | null> {
    await requireAdmin(ctx);
    const flow = await findOneBy(ctx.app, CLIENT_FLOWS_SEARCH, searchClientFlows, { uid, slug });
    return flow === null ? null : clientFlowNode(flow);
  }
}
