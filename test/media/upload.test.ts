import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_FORMAT, INVALID, NOT_SET, postJson } from '../admin/admin-rest';
import { startTestServer, type TestServer } from '../support/server';
import { AUDIO_JOB, EXACT_JOB, expandParts, finalEvent, INTERSTITIAL_JOB, sendPart, startUpload, tinyMp4 } from './support';

/** The upload protocol (screens-and-media.md §3.3.1-§3.3.2, §3.4) over real HTTP, PostgreSQL and Redis. */

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.userToken('media-admin', { admin: true });
});
afterAll(() => server?.close());

describe('start an upload', () => {
  it('answers 201 with the compressed part layout, an upload JWT and a progress JWT, and queues a progress event', async () => {
    const start = await startUpload(server, admin, 'image', { job: INTERSTITIAL_JOB, file_size: 3 * 1_048_576 + 5 });
    expect(start.status).toBe(201);
    expect(start.body).toEqual({
      uid: expect.stringMatching(/^oseh_s3fu_/),
      jwt: expect.any(String),
      parts: [
        { start_number: 1, start_byte: 0, number_of_parts: 3, part_size: 1_048_576 },
        { number: 4, start_byte: 3_145_728, end_byte: 3_145_733 },
      ],
      progress: { uid: expect.stringMatching(/^oseh_jp_/), jwt: expect.any(String) },
    });
    const rows = await server.sql<{ n: string; kwargs: object; failure: string }>(
      `SELECT (SELECT count(*) FROM file_upload_parts p WHERE p.file_upload_id = u.id) AS n, success_job_kwargs AS kwargs, failure_job_name AS failure
       FROM file_uploads u WHERE uid = $1`,
      [start.body.uid],
    );
    expect(rows).toEqual([{
      n: '4',
      kwargs: { file_upload_uid: start.body.uid, job_progress_uid: start.body.progress.uid, uploaded_by_user_sub: 'media-admin' },
      failure: 'runners.delete_file_upload',
    }]);
    const events = await server.app.redis.lrange(`jobs:progress:events:${start.body.progress.uid}`, 0, -1);
    expect(events.map((e) => JSON.parse(e))).toEqual([
      { type: 'queued', message: 'waiting for the file to be uploaded', spawned: null, indicator: { type: 'spinner' }, occurred_at: expect.any(Number) },
    ]);
  });

  it('refuses unregistered jobs, wrong kinds, bad sizes and dynamic sizes with 422 and oversize with 413, creating nothing', async () => {
    const before = await server.sql<{ n: string }>(`SELECT count(*) AS n FROM file_uploads`);
    for (const [kind, body] of [
      ['image', { job: 'runners.anything_at_all', file_size: 10 }],
      ['image', { job: AUDIO_JOB, file_size: 10 }],
      ['content', { job: INTERSTITIAL_JOB, file_size: 10 }],
      ['image', { job: INTERSTITIAL_JOB, file_size: 0 }],
      ['image', { job: INTERSTITIAL_JOB, file_size: -5 }],
      ['image', { job: EXACT_JOB, file_size: 10 }],
      ['image', { job: EXACT_JOB, file_size: 10, dynamic_size: { width: 201, height: 200 } }],
      ['image', { job: EXACT_JOB, file_size: 10, dynamic_size: { width: 1000, height: 200 } }],
    ] as const) {
      const answer = await startUpload(server, admin, kind, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect((answer.body as unknown as { detail: { loc: string[] }[] }).detail[0].loc[0]).toBe('body');
    }
    const big = await startUpload(server, admin, 'image', { job: INTERSTITIAL_JOB, file_size: 512 * 1024 * 1024 + 1 });
    expect(big.status).toBe(413);
    expect(await server.sql(`SELECT count(*) AS n FROM file_uploads`)).toEqual(before);
  });

  it('requires an admin: 401 not_set, 401 bad_format, 403 invalid for a non-admin', async () => {
    const user = await server.userToken('media-user');
    const body = { job: INTERSTITIAL_JOB, file_size: 10 };
    expect(await postJson(server, '/api/1/admin/client_flows/image/', body)).toMatchObject({ status: 401, body: NOT_SET });
    expect(await postJson(server, '/api/1/admin/client_flows/image/', body, `basic ${admin}`)).toMatchObject({ status: 401, body: BAD_FORMAT });
    expect(await postJson(server, '/api/1/admin/client_flows/content/', body, `bearer ${user}`)).toMatchObject({ status: 403, body: INVALID });
  });
});

describe('upload parts', () => {
  it('answers each error of §3.4 step 2 in order, then 202 done:false / done:true', async () => {
    const bytes = tinyMp4(1.5, 1_048_576 + 100);
    const start = (await startUpload(server, admin, 'content', { job: AUDIO_JOB, file_size: bytes.length })).body;
    const other = (await startUpload(server, admin, 'content', { job: AUDIO_JOB, file_size: 5 })).body;
    const parts = expandParts(start.parts);
    expect(parts).toHaveLength(2);
    const slice = (n: number) => bytes.subarray(parts[n - 1].start, parts[n - 1].end);
    const auth = { header: `bearer ${start.jwt}` };

    expect((await sendPart(server, start.uid, 1, slice(1), {})).body).toEqual(NOT_SET);
    expect(await sendPart(server, start.uid, 1, slice(1), { header: 'bearer nonsense' })).toMatchObject({ status: 403, body: INVALID });
    // Another upload's JWT: the sub does not match.
    expect(await sendPart(server, start.uid, 1, slice(1), { header: `bearer ${other.jwt}` })).toMatchObject({ status: 403, body: INVALID });
    // The header wins over the query.
    expect(await sendPart(server, start.uid, 1, slice(1), { header: 'bearer nonsense', query: start.jwt })).toMatchObject({ status: 403 });
    expect(await sendPart(server, 'oseh_s3fu_missing', 1, slice(1), { header: `bearer ${start.jwt}` })).toMatchObject({ status: 403 });
    expect(await sendPart(server, start.uid, 3, slice(1), auth)).toMatchObject({ status: 404, body: { type: 'part_does_not_exist' } });
    const mismatch = await sendPart(server, start.uid, 2, slice(1), auth);
    expect(mismatch).toMatchObject({ status: 409, body: { type: 'part_does_not_match' } });
    expect(mismatch.body.message).toContain(`expected ${parts[1].end - parts[1].start} bytes, got 1048576`);

    expect(await sendPart(server, start.uid, 1, slice(1), { query: start.jwt })).toMatchObject({ status: 202, body: { done: false } });
    expect(await sendPart(server, start.uid, 1, slice(1), auth)).toMatchObject({ status: 409, body: { type: 'part_already_uploaded' } });
    expect(await sendPart(server, start.uid, 2, slice(2), auth)).toMatchObject({ status: 202, body: { done: true } });
    expect(await sendPart(server, start.uid, 2, slice(2), auth)).toMatchObject({ status: 404, body: { type: 'upload_aborted_or_completed' } });
    const done = await finalEvent(server, start.progress.uid);
    expect(done).toMatchObject({ type: 'succeeded' });
  });

  it('lets exactly one of concurrent duplicates of a part win, and completes (and processes) once', async () => {
    const bytes = tinyMp4(2, 3000);
    const start = (await startUpload(server, admin, 'content', { job: AUDIO_JOB, file_size: bytes.length })).body;
    const answers = await Promise.all(Array.from({ length: 6 }, () => sendPart(server, start.uid, 1, bytes, { header: `bearer ${start.jwt}` })));
    expect(answers.filter((a) => a.status === 202)).toEqual([expect.objectContaining({ body: { done: true } })]);
    expect(answers.filter((a) => a.status !== 202).map((a) => a.body.type ?? a.body)).toEqual(
      Array.from({ length: 5 }, () => expect.stringMatching(/^(part_already_uploaded|upload_aborted_or_completed)$/)),
    );
    await finalEvent(server, start.progress.uid);
    await server.app.mediaJobs.idle();
    const events = await server.app.redis.lrange(`jobs:progress:events:${start.progress.uid}`, 0, -1);
    expect(events.map((e) => JSON.parse(e).type)).toEqual(['queued', 'started', 'succeeded']);
    // The one stored part is gone with its upload; only the content's own file remains.
    expect(await server.sql(`SELECT count(*)::int AS n FROM file_uploads WHERE uid = $1`, [start.uid])).toEqual([{ n: 0 }]);
    expect(await server.sql(`SELECT count(*)::int AS n FROM stored_files WHERE key LIKE $1`, [`s3_files/uploads/${start.uid}/%`])).toEqual([{ n: 0 }]);
  });

  it('an expired or deleted upload answers 404 upload_aborted_or_completed to a valid upload JWT, storing nothing', async () => {
    const expired = (await startUpload(server, admin, 'content', { job: AUDIO_JOB, file_size: 10 })).body;
    const aborted = (await startUpload(server, admin, 'content', { job: AUDIO_JOB, file_size: 10 })).body;
    await server.sql(`UPDATE file_uploads SET expires_at = 1 WHERE uid = $1`, [expired.uid]);
    await server.sql(`DELETE FROM file_uploads WHERE uid = $1`, [aborted.uid]);
    for (const upload of [expired, aborted]) {
      const sent = await sendPart(server, upload.uid, 1, Buffer.alloc(10, 1), { header: `bearer ${upload.jwt}` });
      expect(sent).toMatchObject({ status: 404, body: { type: 'upload_aborted_or_completed' } });
      expect(await server.sql(`SELECT count(*)::int AS n FROM stored_files WHERE key LIKE $1`, [`s3_files/uploads/${upload.uid}/%`])).toEqual([{ n: 0 }]);
    }
    // Not left for the expiry sweep test below, which counts what it sweeps.
    await server.sql(`DELETE FROM file_uploads WHERE uid = $1`, [expired.uid]);
  });

  it('expiry sweep deletes expired incomplete uploads and leaves completed ones being processed', async () => {
    const incomplete = (await startUpload(server, admin, 'content', { job: AUDIO_JOB, file_size: 10 })).body;
    const completed = (await startUpload(server, admin, 'content', { job: AUDIO_JOB, file_size: 10 })).body;
    // A completed upload a (slow) worker holds; both past expiry.
    await server.sql(`UPDATE file_uploads SET expires_at = 1 WHERE uid IN ($1, $2)`, [incomplete.uid, completed.uid]);
    await server.sql(`UPDATE file_uploads SET completed_at = $2, processing_started_at = $2 WHERE uid = $1`, [completed.uid, Date.now() / 1000]);
    const swept = await server.app.mediaJobs.sweep();
    expect(swept).toEqual({ expired: 1, stalled: 0 });
    const left = await server.sql<{ uid: string }>(`SELECT uid FROM file_uploads WHERE uid IN ($1, $2)`, [incomplete.uid, completed.uid]);
    expect(left).toEqual([{ uid: completed.uid }]);
    expect(await finalEvent(server, incomplete.progress.uid)).toMatchObject({ type: 'failed', message: 'failure job queued due to expiration' });
    // Past the processing timeout, the completed one is failed too.
    await server.sql(`UPDATE file_uploads SET processing_started_at = 1 WHERE uid = $1`, [completed.uid]);
    expect(await server.app.mediaJobs.sweep()).toEqual({ expired: 0, stalled: 1 });
    expect(await finalEvent(server, completed.progress.uid)).toMatchObject({ type: 'failed', message: 'processing timed out' });
  });
});
