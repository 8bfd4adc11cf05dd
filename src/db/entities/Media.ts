import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { JsonObject } from '../../domain/json';
import { User } from './User';
import { PublicRow } from './base';

// Screen media storage (screens-and-media.md §3.1, §3.2, §3.4). The reference's `s3_*` tables are
// renamed `stored_*`/`file_upload*` because the default store is local disk; the uid prefixes
// (`s3f`, `s3fu`, `s3fup`) keep the reference's for wire compatibility. Times are epoch seconds.

/** Bytes fully stored in the FileStore under `key`. Uid prefix `s3f`. */
@Entity({ tableName: 'stored_files' })
export class StoredFile extends PublicRow {
  /** FileStore key: relative, `/`-separated, no `..`, valid as a path on every OS. Unique. */
  @Property({ type: 'text', unique: true })
  key!: string;

  /** Bytes. */
  @Property({ type: 'bigint' })
  fileSize!: string;

  /** MIME type served with the bytes; parts uploaded by clients are `application/octet-stream`. */
  @Property({ type: 'text' })
  contentType!: string;

  @Property({ type: 'double' })
  createdAt!: number;
}

/** A processed image: one original, at least one export. Uid prefix `if`. */
@Entity({ tableName: 'image_files' })
export class ImageFile extends PublicRow {
  /** Admin-facing name (the processor's choice; not unique). */
  @Property({ type: 'text' })
  name!: string;

  /** The stored processing input, kept for reprocessing; never served to users. */
  @ManyToOne(() => StoredFile, { deleteRule: 'set null', nullable: true, ref: true, index: true })
  originalStoredFile: Ref<StoredFile> | null = null;

  /** Hex sha512 of the processing input (the SVG bytes for SVG): images are deduplicated by it. */
  @Property({ type: 'text', unique: true })
  originalSha512!: string;

  @Property({ type: 'integer' })
  originalWidth!: number;

  @Property({ type: 'integer' })
  originalHeight!: number;

  @Property({ type: 'double' })
  createdAt!: number;
}

/** One size and format of an image. Uid prefix `ife`. */
@Entity({ tableName: 'image_file_exports' })
@Index({ properties: ['imageFile', 'format', 'width', 'height'] })
export class ImageFileExport extends PublicRow {
  @ManyToOne(() => ImageFile, { deleteRule: 'cascade', ref: true })
  imageFile!: Ref<ImageFile>;

  @ManyToOne(() => StoredFile, { deleteRule: 'cascade', ref: true, index: true })
  storedFile!: Ref<StoredFile>;

  @Property({ type: 'integer' })
  width!: number;

  @Property({ type: 'integer' })
  height!: number;

  /** Pixels cut from the original's left before resizing (cover crop); likewise the other sides. */
  @Property({ type: 'integer' })
  leftCutPx!: number;

  @Property({ type: 'integer' })
  rightCutPx!: number;

  @Property({ type: 'integer' })
  topCutPx!: number;

  @Property({ type: 'integer' })
  bottomCutPx!: number;

  /** `jpeg`, `png`, `webp` or `svg`. */
  @Property({ type: 'text' })
  format!: string;

  /** Encoder settings, keys sorted (debugging and reprocessing). */
  @Property({ type: 'jsonb' })
  qualitySettings!: JsonObject;

  /** base64url (with `=` padding) ThumbHash of the encoded export fit into 100×100. */
  @Property({ type: 'text' })
  thumbhash!: string;

  @Property({ type: 'double' })
  createdAt!: number;
}

/** A processed audio or video: at least one export, each with at least one part. Uid prefix `cf`. */
@Entity({ tableName: 'content_files' })
export class ContentFile extends PublicRow {
  @Property({ type: 'text' })
  name!: string;

  /** The stored upload, kept for reprocessing and transcription; never served to users. */
  @ManyToOne(() => StoredFile, { deleteRule: 'set null', nullable: true, ref: true, index: true })
  originalStoredFile: Ref<StoredFile> | null = null;

  /** Hex sha512 of the upload: content is deduplicated by it. */
  @Property({ type: 'text', unique: true })
  originalSha512!: string;

  @Property({ type: 'double' })
  durationSeconds!: number;

  @Property({ type: 'double' })
  createdAt!: number;
}

/** One rendition: `mp4` (single-file web playback) or `m3u8` (HLS). Uid prefix `cfe`. */
@Entity({ tableName: 'content_file_exports' })
export class ContentFileExport extends PublicRow {
  @ManyToOne(() => ContentFile, { deleteRule: 'cascade', ref: true, index: true })
  contentFile!: Ref<ContentFile>;

  @Property({ type: 'text' })
  format!: string;

  /** Videos: `width`, `height`; audio: `{}`; HLS exports of either add `average_bandwidth` (bits/s). */
  @Property({ type: 'jsonb' })
  formatParameters!: JsonObject;

  /** Maximum bits per second. */
  @Property({ type: 'integer' })
  bandwidth!: number;

  /** RFC 6381 codecs, comma separated, sorted. */
  @Property({ type: 'text' })
  codecs!: string;

  /** Seconds per part (HLS target duration; the whole length for a single-part mp4). */
  @Property({ type: 'integer' })
  targetDuration!: number;

  /** Encoder settings, debugging only. */
  @Property({ type: 'jsonb' })
  qualityParameters!: JsonObject;

  @Property({ type: 'double' })
  createdAt!: number;
}

/** One stored piece of an export, in `position` order. Uid prefix `cfep`. */
@Entity({ tableName: 'content_file_export_parts' })
@Unique({ name: 'content_file_export_parts_export_position_unique', properties: ['contentFileExport', 'position'] })
export class ContentFileExportPart extends PublicRow {
  @ManyToOne(() => ContentFileExport, { deleteRule: 'cascade', ref: true })
  contentFileExport!: Ref<ContentFileExport>;

  @ManyToOne(() => StoredFile, { deleteRule: 'cascade', ref: true, index: true })
  storedFile!: Ref<StoredFile>;

  /** 0-based. */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'double' })
  durationSeconds!: number;

  @Property({ type: 'double' })
  createdAt!: number;
}

/** A transcript, e.g. source `{"type":"ai","model":"whisper-1","version":"live"}`. Uid prefix `t`. */
@Entity({ tableName: 'transcripts' })
export class Transcript extends PublicRow {
  @Property({ type: 'jsonb' })
  source!: JsonObject;

  @Property({ type: 'double' })
  createdAt!: number;
}

/** One timed phrase of a transcript. Uid prefix `tp`. */
@Entity({ tableName: 'transcript_phrases' })
@Index({ properties: ['transcript', 'startsAt'] })
export class TranscriptPhrase extends PublicRow {
  @ManyToOne(() => Transcript, { deleteRule: 'cascade', ref: true })
  transcript!: Ref<Transcript>;

  /** Seconds from the start of the content. */
  @Property({ type: 'double' })
  startsAt!: number;

  @Property({ type: 'double' })
  endsAt!: number;

  @Property({ type: 'text' })
  phrase!: string;
}

/**
 * Links a content file to its transcripts; "latest" is `created_at DESC, uid ASC` everywhere
 * (§2.4.2). Uid prefix `cft`.
 */
@Entity({ tableName: 'content_file_transcripts' })
@Index({ properties: ['contentFile', 'createdAt'] })
export class ContentFileTranscript extends PublicRow {
  @ManyToOne(() => ContentFile, { deleteRule: 'cascade', ref: true })
  contentFile!: Ref<ContentFile>;

  @ManyToOne(() => Transcript, { deleteRule: 'cascade', ref: true, unique: true })
  transcript!: Ref<Transcript>;

  @Property({ type: 'double' })
  createdAt!: number;
}

/**
 * An image uploaded to a client-flow list (§3.2). A row marks the image file as in use. Uid
 * prefix `cfi`.
 */
@Entity({ tableName: 'client_flow_images' })
@Unique({ properties: ['imageFile', 'listSlug'] })
@Unique({ properties: ['originalSha512', 'listSlug'] })
@Index({ properties: ['listSlug', 'lastUploadedAt'] })
export class ClientFlowImage extends PublicRow {
  /** `{slug}` or `{slug}@{width}x{height}` for dynamic-size lists. */
  @Property({ type: 'text' })
  listSlug!: string;

  @ManyToOne(() => ImageFile, { deleteRule: 'cascade', ref: true })
  imageFile!: Ref<ImageFile>;

  /** Copied from the image file when registered. */
  @ManyToOne(() => StoredFile, { deleteRule: 'set null', nullable: true, ref: true, index: true })
  originalStoredFile: Ref<StoredFile> | null = null;

  /** Hex sha512 of the stitched upload (what the admin form's dedupe search looks for, §3.3.5). */
  @Property({ type: 'text' })
  originalSha512!: string;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true, ref: true, index: true })
  uploadedByUser: Ref<User> | null = null;

  /** Touched when the same image is uploaded to the same list again. */
  @Property({ type: 'double' })
  lastUploadedAt!: number;
}

/** Audio or video uploaded to a client-flow list (§3.2). Uid prefix `cfcf`. */
@Entity({ tableName: 'client_flow_content_files' })
@Unique({ properties: ['contentFile', 'listSlug'] })
@Unique({ properties: ['originalSha512', 'listSlug'] })
@Index({ properties: ['listSlug', 'lastUploadedAt'] })
export class ClientFlowContentFile extends PublicRow {
  @Property({ type: 'text' })
  listSlug!: string;

  @ManyToOne(() => ContentFile, { deleteRule: 'cascade', ref: true })
  contentFile!: Ref<ContentFile>;

  @ManyToOne(() => StoredFile, { deleteRule: 'set null', nullable: true, ref: true, index: true })
  originalStoredFile: Ref<StoredFile> | null = null;

  @Property({ type: 'text' })
  originalSha512!: string;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true, ref: true, index: true })
  uploadedByUser: Ref<User> | null = null;

  @Property({ type: 'double' })
  lastUploadedAt!: number;
}

/**
 * A multipart upload in progress (§3.4). Completion enqueues `success_job_name` once; expiry or
 * the processing timeout runs the failure job. Uid prefix `s3fu`.
 */
@Entity({ tableName: 'file_uploads' })
export class FileUpload extends PublicRow {
  /** Processor id run when every part is stored. */
  @Property({ type: 'text' })
  successJobName!: string;

  /** Its arguments, keys sorted; always includes `file_upload_uid`. */
  @Property({ type: 'jsonb' })
  successJobKwargs!: JsonObject;

  @Property({ type: 'text' })
  failureJobName!: string;

  @Property({ type: 'jsonb' })
  failureJobKwargs!: JsonObject;

  /** Progress stream of the processing (`jobs:progress:events:{uid}`), if tracked. */
  @Property({ type: 'text', nullable: true })
  jobProgressUid: string | null = null;

  @Property({ type: 'double' })
  createdAt!: number;

  /** Set once, by the request that stored the last missing part. */
  @Property({ type: 'double', nullable: true })
  completedAt: number | null = null;

  /** Set when a processing worker claims the completed upload (the queue is this table). */
  @Property({ type: 'double', nullable: true })
  processingStartedAt: number | null = null;

  /** Incomplete uploads past this are swept. */
  @Index()
  @Property({ type: 'double' })
  expiresAt!: number;
}

/** One server-chosen byte range `[start_byte, end_byte)` of an upload. Uid prefix `s3fup`. */
@Entity({ tableName: 'file_upload_parts' })
@Unique({ properties: ['fileUpload', 'partNumber'] })
export class FileUploadPart extends PublicRow {
  @ManyToOne(() => FileUpload, { deleteRule: 'cascade', ref: true })
  fileUpload!: Ref<FileUpload>;

  /** 1-based. */
  @Property({ type: 'integer' })
  partNumber!: number;

  @Property({ type: 'bigint' })
  startByte!: string;

  /** Exclusive. */
  @Property({ type: 'bigint' })
  endByte!: string;

  /** The stored bytes; null until uploaded. Attached only while null (exactly one winner). */
  @ManyToOne(() => StoredFile, { deleteRule: 'set null', nullable: true, ref: true, index: true })
  storedFile: Ref<StoredFile> | null = null;
}
