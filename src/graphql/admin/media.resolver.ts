import {
  Arg, Args, Ctx, Field, Float, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root, Subscription, type SubscribeResolverData,
} from 'type-graphql';
import { CLIENT_FLOW_CONTENT_FILES_SEARCH, CLIENT_FLOW_IMAGES_SEARCH, MEDIA_SEARCH_LIMIT } from '../../domain/search/resources';
import type { ProgressEvent } from '../../media/progress';
import { progressStream } from '../../media/progress-stream';
import {
  searchClientFlowContentFiles, searchClientFlowImages, type ClientFlowContentFileItem, type ClientFlowImageItem,
} from '../../services/media/media-search.service';
import { canReadProgress, startMediaUpload } from '../../services/media/uploads.service';
import type { GraphQLContext } from '../context';
import { BadUserInputError, ForbiddenError } from '../errors';
import { requireAdmin } from '../guards';
import { JSONObjectScalar } from '../scalars';
import { ConnectionArgs, connectionQuery, connectionTypes, toConnection, type Connection } from './connection';
import { NumberFilterInput, SortDirection, TextFilterInput } from './filters.type';
import type { JsonObject } from '../../domain/json';

/** Screen media for admins (screens-and-media.md §3.3-§3.4): uploads, list searches, job progress. */

@ObjectType('MediaRef', { description: 'A media file and a 30-minute JWT to fetch it.' })
class MediaRefType {
  @Field(() => ID) uid!: string;
  @Field(() => String) jwt!: string;
}

@ObjectType('ClientFlowImage', { description: 'An image in a client-flow list.' })
class ClientFlowImageType {
  @Field(() => ID) uid!: string;
  @Field(() => String) listSlug!: string;
  @Field(() => MediaRefType) imageFile!: MediaRefType;
  @Field(() => String, { description: 'Hex sha512 of the uploaded file.' }) originalFileSha512!: string;
  @Field(() => Float) imageFileCreatedAt!: number;
  @Field(() => Float) lastUploadedAt!: number;
}

@ObjectType('ClientFlowContentFile', { description: 'Audio or video in a client-flow list.' })
class ClientFlowContentFileType {
  @Field(() => ID) uid!: string;
  @Field(() => String) listSlug!: string;
  @Field(() => MediaRefType) contentFile!: MediaRefType;
  @Field(() => MediaRefType, { nullable: true, description: 'The latest transcript, if any.' }) transcript!: MediaRefType | null;
  @Field(() => String) originalFileSha512!: string;
  @Field(() => Float) contentFileCreatedAt!: number;
  @Field(() => Float) lastUploadedAt!: number;
}

export enum ClientFlowImageSortKey { UID = 'uid', LIST_SLUG = 'list_slug', IMAGE_FILE_CREATED_AT = 'image_file_created_at', LAST_UPLOADED_AT = 'last_uploaded_at' }
registerEnumType(ClientFlowImageSortKey, { name: 'ClientFlowImageSortKey' });
export enum ClientFlowContentFileSortKey {
  UID = 'uid', LIST_SLUG = 'list_slug', CONTENT_FILE_CREATED_AT = 'content_file_created_at', LAST_UPLOADED_AT = 'last_uploaded_at',
}
registerEnumType(ClientFlowContentFileSortKey, { name: 'ClientFlowContentFileSortKey' });

@InputType('ClientFlowImageSort')
class ClientFlowImageSortInput {
  @Field(() => ClientFlowImageSortKey) key!: ClientFlowImageSortKey;
  @Field(() => SortDirection) dir!: SortDirection;
}

@InputType('ClientFlowContentFileSort')
class ClientFlowContentFileSortInput {
  @Field(() => ClientFlowContentFileSortKey) key!: ClientFlowContentFileSortKey;
  @Field(() => SortDirection) dir!: SortDirection;
}

@InputType('ClientFlowImageFilter', { description: 'All given filters hold (AND).' })
class ClientFlowImageFilterInput {
  @Field(() => TextFilterInput, { nullable: true }) uid?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) listSlug?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) imageFileUid?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) originalFileSha512?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) imageOriginalFileSha512?: TextFilterInput;
  @Field(() => NumberFilterInput, { nullable: true }) lastUploadedAt?: NumberFilterInput;
}

@InputType('ClientFlowContentFileFilter', { description: 'All given filters hold (AND).' })
class ClientFlowContentFileFilterInput {
  @Field(() => TextFilterInput, { nullable: true }) uid?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) listSlug?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) contentFileUid?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) transcriptUid?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) originalFileSha512?: TextFilterInput;
  @Field(() => TextFilterInput, { nullable: true }) contentOriginalFileSha512?: TextFilterInput;
  @Field(() => NumberFilterInput, { nullable: true }) lastUploadedAt?: NumberFilterInput;
}

@InputType('DynamicSizeInput')
class DynamicSizeInput {
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
}

@ObjectType('FileUploadPartRange', { description: 'Parts startNumber … startNumber+numberOfParts−1, each partSize bytes from startByte on.' })
class PartRangeType {
  @Field(() => Int) startNumber!: number;
  @Field(() => Float) startByte!: number;
  @Field(() => Int) numberOfParts!: number;
  @Field(() => Int) partSize!: number;
}

@ObjectType('FileUploadPart', { description: 'One part: bytes [startByte, endByte).' })
class SinglePartType {
  @Field(() => Int) number!: number;
  @Field(() => Float) startByte!: number;
  @Field(() => Float) endByte!: number;
}

@ObjectType('FileUpload', { description: 'Send each part to POST /api/1/file_uploads/{uid}/{number} (multipart field `file`) with `jwt`.' })
class FileUploadType {
  @Field(() => ID) uid!: string;
  @Field(() => String) jwt!: string;
  @Field(() => [PartRangeType], { description: 'The full-size parts, compressed.' }) partRanges!: PartRangeType[];
  @Field(() => [SinglePartType], { description: 'The remainder part, if any.' }) parts!: SinglePartType[];
  @Field(() => MediaRefType, { description: 'Follow it with the jobProgress subscription.' }) progress!: MediaRefType;
}

@ObjectType('JobProgressEvent')
class JobProgressEventType {
  @Field(() => String, { description: 'queued, started, bounce, spawned, progress, failed or succeeded.' }) type!: string;
  @Field(() => String, { description: 'Readable; for failed, why.' }) message!: string;
  @Field(() => JSONObjectScalar, { nullable: true }) spawned!: JsonObject | null;
  @Field(() => JSONObjectScalar, { nullable: true }) indicator!: JsonObject | null;
  @Field(() => Float) occurredAt!: number;
}

const ImageConnection = connectionTypes('ClientFlowImage', ClientFlowImageType);
const ContentConnection = connectionTypes('ClientFlowContentFile', ClientFlowContentFileType);

async function startUpload(ctx: GraphQLContext, kind: 'image' | 'content', body: Record<string, unknown>): Promise<FileUploadType> {
  const admin = await requireAdmin(ctx);
  const outcome = await startMediaUpload(ctx.app, { kind, body, adminSub: admin.sub });
  if (!outcome.ok) {
    const message = outcome.issues.map((i) => `${i.loc.slice(1).join('.')}: ${i.msg}`).join('; ');
    throw new BadUserInputError(message, { reason: outcome.status === 413 ? 'file_too_large' : 'invalid_upload', issues: outcome.issues });
  }
  const v = outcome.value;
  return {
    uid: v.uid,
    jwt: v.jwt,
    partRanges: v.parts.flatMap((p) => ('start_number' in p ? [{ startNumber: p.start_number, startByte: p.start_byte, numberOfParts: p.number_of_parts, partSize: p.part_size }] : [])),
    parts: v.parts.flatMap((p) => ('number' in p ? [{ number: p.number, startByte: p.start_byte, endByte: p.end_byte }] : [])),
    progress: v.progress,
  };
}

@Resolver()
export class MediaResolver {
  @Query(() => ImageConnection, { description: 'Admin only. Images of the client-flow lists (POST /api/1/admin/client_flows/image/search); first 1–250, default 25.' })
  async clientFlowImages(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ClientFlowImageFilterInput, { nullable: true }) filter: ClientFlowImageFilterInput | null,
    @Arg('sort', () => [ClientFlowImageSortInput], { nullable: true }) sort: ClientFlowImageSortInput[] | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ): Promise<Connection<ClientFlowImageItem>> {
    await requireAdmin(ctx);
    const q = connectionQuery(CLIENT_FLOW_IMAGES_SEARCH, { ...filter }, sort, page, MEDIA_SEARCH_LIMIT);
    return toConnection(CLIENT_FLOW_IMAGES_SEARCH, q, await searchClientFlowImages(ctx.app, q.query), (item) => item);
  }

  @Query(() => ContentConnection, { description: 'Admin only. Audio and video of the client-flow lists (POST /api/1/admin/client_flows/content/search).' })
  async clientFlowContentFiles(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ClientFlowContentFileFilterInput, { nullable: true }) filter: ClientFlowContentFileFilterInput | null,
    @Arg('sort', () => [ClientFlowContentFileSortInput], { nullable: true }) sort: ClientFlowContentFileSortInput[] | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ): Promise<Connection<ClientFlowContentFileItem>> {
    await requireAdmin(ctx);
    const q = connectionQuery(CLIENT_FLOW_CONTENT_FILES_SEARCH, { ...filter }, sort, page, MEDIA_SEARCH_LIMIT);
    return toConnection(CLIENT_FLOW_CONTENT_FILES_SEARCH, q, await searchClientFlowContentFiles(ctx.app, q.query), (item) => item);
  }

  @Mutation(() => FileUploadType, { description: 'Admin only. Starts an image upload for a registered image processor (POST /api/1/admin/client_flows/image/).' })
  startClientFlowImageUpload(
    @Ctx() ctx: GraphQLContext,
    @Arg('job', () => String) job: string,
    @Arg('fileSize', () => Float) fileSize: number,
    @Arg('dynamicSize', () => DynamicSizeInput, { nullable: true }) dynamicSize: DynamicSizeInput | null,
  ): Promise<FileUploadType> {
    return startUpload(ctx, 'image', { job, file_size: fileSize, dynamic_size: dynamicSize == null ? undefined : { ...dynamicSize } });
  }

  @Mutation(() => FileUploadType, { description: 'Admin only. Starts an audio or video upload (POST /api/1/admin/client_flows/content/).' })
  startClientFlowContentUpload(
    @Ctx() ctx: GraphQLContext,
    @Arg('job', () => String) job: string,
    @Arg('fileSize', () => Float) fileSize: number,
  ): Promise<FileUploadType> {
    return startUpload(ctx, 'content', { job, file_size: fileSize });
  }

  @Subscription(() => JobProgressEventType, {
    description: 'A processing job\'s progress (the upload\'s `progress` uid and jwt): the stored events, then new ones, ending after failed or succeeded.',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { uid: string; jwt: string }, GraphQLContext>) => {
      if (!(await canReadProgress(context.app, args.uid, args.jwt))) throw new ForbiddenError('invalid_progress_token', 'the progress token is invalid for this job');
      return progressStream(context.app.redis, context.app.subscriber, args.uid);
    },
  })
  jobProgress(
    @Root() event: ProgressEvent,
    @Arg('uid', () => ID) _uid: string,
    @Arg('jwt', () => String) _jwt: string,
  ): JobProgressEventType {
    return { type: event.type, message: event.message, spawned: event.spawned, indicator: event.indicator as JsonObject | null, occurredAt: event.occurred_at };
  }
}

