import { Migration } from '@mikro-orm/migrations';

/**
 * Screen media (screens-and-media.md §3.1, §3.2, §3.4): stored files (the reference's `s3_files`),
 * image and content files with their exports, parts and transcripts, the two client-flow lists,
 * and the multipart upload tables. Statements as MikroORM generates them for `src/db/entities/Media.ts`
 * so the entity/schema diff stays empty.
 */
export class Migration20261129000007_media extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table stored_files (
        id bigserial primary key,
        uid text not null,
        key text not null,
        file_size bigint not null,
        content_type text not null,
        created_at double precision not null
      )`);
    this.addSql(`alter table stored_files add constraint stored_files_uid_unique unique (uid)`);
    this.addSql(`alter table stored_files add constraint stored_files_key_unique unique (key)`);
    this.addSql(`create table image_files (
        id bigserial primary key,
        uid text not null,
        name text not null,
        original_stored_file_id bigint null,
        original_sha512 text not null,
        original_width int not null,
        original_height int not null,
        created_at double precision not null
      )`);
    this.addSql(`alter table image_files add constraint image_files_uid_unique unique (uid)`);
    this.addSql(`create index image_files_original_stored_file_id_index on image_files (original_stored_file_id)`);
    this.addSql(`alter table image_files add constraint image_files_original_sha512_unique unique (original_sha512)`);
    this.addSql(`create table image_file_exports (
        id bigserial primary key,
        uid text not null,
        image_file_id bigint not null,
        stored_file_id bigint not null,
        width int not null,
        height int not null,
        left_cut_px int not null,
        right_cut_px int not null,
        top_cut_px int not null,
        bottom_cut_px int not null,
        format text not null,
        quality_settings jsonb not null,
        thumbhash text not null,
        created_at double precision not null
      )`);
    this.addSql(`alter table image_file_exports add constraint image_file_exports_uid_unique unique (uid)`);
    this.addSql(`create index image_file_exports_stored_file_id_index on image_file_exports (stored_file_id)`);
    this.addSql(`create index image_file_exports_image_file_id_format_width_height_index on image_file_exports (image_file_id, format, width, height)`);
    this.addSql(`create table content_files (
        id bigserial primary key,
        uid text not null,
        name text not null,
        original_stored_file_id bigint null,
        original_sha512 text not null,
        duration_seconds double precision not null,
        created_at double precision not null
      )`);
    this.addSql(`alter table content_files add constraint content_files_uid_unique unique (uid)`);
    this.addSql(`create index content_files_original_stored_file_id_index on content_files (original_stored_file_id)`);
    this.addSql(`alter table content_files add constraint content_files_original_sha512_unique unique (original_sha512)`);
    this.addSql(`create table content_file_exports (
        id bigserial primary key,
        uid text not null,
        content_file_id bigint not null,
        format text not null,
        format_parameters jsonb not null,
        bandwidth int not null,
        codecs text not null,
        target_duration int not null,
        quality_parameters jsonb not null,
        created_at double precision not null
      )`);
    this.addSql(`alter table content_file_exports add constraint content_file_exports_uid_unique unique (uid)`);
    this.addSql(`create index content_file_exports_content_file_id_index on content_file_exports (content_file_id)`);
    this.addSql(`create table content_file_export_parts (
        id bigserial primary key,
        uid text not null,
        content_file_export_id bigint not null,
        stored_file_id bigint not null,
        position int not null,
        duration_seconds double precision not null,
        created_at double precision not null
      )`);
    this.addSql(`alter table content_file_export_parts add constraint content_file_export_parts_uid_unique unique (uid)`);
    this.addSql(`create index content_file_export_parts_stored_file_id_index on content_file_export_parts (stored_file_id)`);
    this.addSql(`alter table content_file_export_parts add constraint content_file_export_parts_export_position_unique unique (content_file_export_id, position)`);
    this.addSql(`create table transcripts (
        id bigserial primary key,
        uid text not null,
        source jsonb not null,
        created_at double precision not null
      )`);
    this.addSql(`alter table transcripts add constraint transcripts_uid_unique unique (uid)`);
    this.addSql(`create table transcript_phrases (
        id bigserial primary key,
        uid text not null,
        transcript_id bigint not null,
        starts_at double precision not null,
        ends_at double precision not null,
        phrase text not null
      )`);
    this.addSql(`alter table transcript_phrases add constraint transcript_phrases_uid_unique unique (uid)`);
    this.addSql(`create index transcript_phrases_transcript_id_starts_at_index on transcript_phrases (transcript_id, starts_at)`);
    this.addSql(`create table content_file_transcripts (
        id bigserial primary key,
        uid text not null,
        content_file_id bigint not null,
        transcript_id bigint not null,
        created_at double precision not null
      )`);
    this.addSql(`alter table content_file_transcripts add constraint content_file_transcripts_uid_unique unique (uid)`);
    this.addSql(`alter table content_file_transcripts add constraint content_file_transcripts_transcript_id_unique unique (transcript_id)`);
    this.addSql(`create index content_file_transcripts_content_file_id_created_at_index on content_file_transcripts (content_file_id, created_at)`);
    this.addSql(`create table client_flow_images (
        id bigserial primary key,
        uid text not null,
        list_slug text not null,
        image_file_id bigint not null,
        original_stored_file_id bigint null,
        original_sha512 text not null,
        uploaded_by_user_id bigint null,
        last_uploaded_at double precision not null
      )`);
    this.addSql(`alter table client_flow_images add constraint client_flow_images_uid_unique unique (uid)`);
    this.addSql(`create index client_flow_images_original_stored_file_id_index on client_flow_images (original_stored_file_id)`);
    this.addSql(`create index client_flow_images_uploaded_by_user_id_index on client_flow_images (uploaded_by_user_id)`);
    this.addSql(`create index client_flow_images_list_slug_last_uploaded_at_index on client_flow_images (list_slug, last_uploaded_at)`);
    this.addSql(`alter table client_flow_images add constraint client_flow_images_original_sha512_list_slug_unique unique (original_sha512, list_slug)`);
    this.addSql(`alter table client_flow_images add constraint client_flow_images_image_file_id_list_slug_unique unique (image_file_id, list_slug)`);
    this.addSql(`create table client_flow_content_files (
        id bigserial primary key,
        uid text not null,
        list_slug text not null,
        content_file_id bigint not null,
        original_stored_file_id bigint null,
        original_sha512 text not null,
        uploaded_by_user_id bigint null,
        last_uploaded_at double precision not null
      )`);
    this.addSql(`alter table client_flow_content_files add constraint client_flow_content_files_uid_unique unique (uid)`);
    this.addSql(`create index client_flow_content_files_original_stored_file_id_index on client_flow_content_files (original_stored_file_id)`);
    this.addSql(`create index client_flow_content_files_uploaded_by_user_id_index on client_flow_content_files (uploaded_by_user_id)`);
    this.addSql(`create index client_flow_content_files_list_slug_last_uploaded_at_index on client_flow_content_files (list_slug, last_uploaded_at)`);
    this.addSql(`alter table client_flow_content_files add constraint client_flow_content_files_original_sha512_list_slug_unique unique (original_sha512, list_slug)`);
    this.addSql(`alter table client_flow_content_files add constraint client_flow_content_files_content_file_id_list_slug_unique unique (content_file_id, list_slug)`);
    this.addSql(`create table file_uploads (
        id bigserial primary key,
        uid text not null,
        success_job_name text not null,
        success_job_kwargs jsonb not null,
        failure_job_name text not null,
        failure_job_kwargs jsonb not null,
        job_progress_uid text null,
        created_at double precision not null,
        completed_at double precision null,
        processing_started_at double precision null,
        expires_at double precision not null
      )`);
    this.addSql(`alter table file_uploads add constraint file_uploads_uid_unique unique (uid)`);
    this.addSql(`create index file_uploads_expires_at_index on file_uploads (expires_at)`);
    this.addSql(`create table file_upload_parts (
        id bigserial primary key,
        uid text not null,
        file_upload_id bigint not null,
        part_number int not null,
        start_byte bigint not null,
        end_byte bigint not null,
        stored_file_id bigint null
      )`);
    this.addSql(`alter table file_upload_parts add constraint file_upload_parts_uid_unique unique (uid)`);
    this.addSql(`create index file_upload_parts_stored_file_id_index on file_upload_parts (stored_file_id)`);
    this.addSql(`alter table file_upload_parts add constraint file_upload_parts_file_upload_id_part_number_unique unique (file_upload_id, part_number)`);
    this.addSql(`alter table image_files add constraint image_files_original_stored_file_id_foreign foreign key (original_stored_file_id) references stored_files (id) on update cascade on delete set null`);
    this.addSql(`alter table image_file_exports add constraint image_file_exports_image_file_id_foreign foreign key (image_file_id) references image_files (id) on update cascade on delete cascade`);
    this.addSql(`alter table image_file_exports add constraint image_file_exports_stored_file_id_foreign foreign key (stored_file_id) references stored_files (id) on update cascade on delete cascade`);
    this.addSql(`alter table file_upload_parts add constraint file_upload_parts_file_upload_id_foreign foreign key (file_upload_id) references file_uploads (id) on update cascade on delete cascade`);
    this.addSql(`alter table file_upload_parts add constraint file_upload_parts_stored_file_id_foreign foreign key (stored_file_id) references stored_files (id) on update cascade on delete set null`);
    this.addSql(`alter table content_files add constraint content_files_original_stored_file_id_foreign foreign key (original_stored_file_id) references stored_files (id) on update cascade on delete set null`);
    this.addSql(`alter table content_file_exports add constraint content_file_exports_content_file_id_foreign foreign key (content_file_id) references content_files (id) on update cascade on delete cascade`);
    this.addSql(`alter table content_file_export_parts add constraint content_file_export_parts_content_file_export_id_foreign foreign key (content_file_export_id) references content_file_exports (id) on update cascade on delete cascade`);
    this.addSql(`alter table content_file_export_parts add constraint content_file_export_parts_stored_file_id_foreign foreign key (stored_file_id) references stored_files (id) on update cascade on delete cascade`);
    this.addSql(`alter table content_file_transcripts add constraint content_file_transcripts_content_file_id_foreign foreign key (content_file_id) references content_files (id) on update cascade on delete cascade`);
    this.addSql(`alter table content_file_transcripts add constraint content_file_transcripts_transcript_id_foreign foreign key (transcript_id) references transcripts (id) on update cascade on delete cascade`);
    this.addSql(`alter table transcript_phrases add constraint transcript_phrases_transcript_id_foreign foreign key (transcript_id) references transcripts (id) on update cascade on delete cascade`);
    this.addSql(`alter table client_flow_images add constraint client_flow_images_image_file_id_foreign foreign key (image_file_id) references image_files (id) on update cascade on delete cascade`);
    this.addSql(`alter table client_flow_images add constraint client_flow_images_original_stored_file_id_foreign foreign key (original_stored_file_id) references stored_files (id) on update cascade on delete set null`);
    this.addSql(`alter table client_flow_images add constraint client_flow_images_uploaded_by_user_id_foreign foreign key (uploaded_by_user_id) references users (id) on update cascade on delete set null`);
    this.addSql(`alter table client_flow_content_files add constraint client_flow_content_files_content_file_id_foreign foreign key (content_file_id) references content_files (id) on update cascade on delete cascade`);
    this.addSql(`alter table client_flow_content_files add constraint client_flow_content_files_original_stored_file_id_foreign foreign key (original_stored_file_id) references stored_files (id) on update cascade on delete set null`);
    this.addSql(`alter table client_flow_content_files add constraint client_flow_content_files_uploaded_by_user_id_foreign foreign key (uploaded_by_user_id) references users (id) on update cascade on delete set null`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TABLE IF EXISTS file_upload_parts CASCADE`);
    this.addSql(`DROP TABLE IF EXISTS file_uploads CASCADE`);
    this.addSql(`DROP TABLE IF EXISTS client_flow_content_files CASCADE`);
    this.addSql(`DROP TABLE IF EXISTS client_flow_images CASCADE`);
    this.addSql(`DROP TABLE IF EXISTS content_file_transcripts CASCADE`);
    this.addSql(`DROP TABLE IF EXISTS transcript_phrases CASCADE`);
    this.addSql(`DROP TABLE IF EXISTS transcripts CASCADE`);
    this.addSql(`DROP TABLE IF EXISTS content_file_export_parts CASCADE`);
    this.addSql(`DROP TABLE IF EXISTS content_file_exports CASCADE`);
    this.addSql(`DROP TABLE IF EXISTS content_files CASCADE`);
    this.addSql(`DROP TABLE IF EXISTS image_file_exports CASCADE`);
    this.addSql(`DROP TABLE IF EXISTS image_files CASCADE`);
    this.addSql(`DROP TABLE IF EXISTS stored_files CASCADE`);
  }
}
