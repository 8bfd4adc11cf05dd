import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJob, runJob } from '../../src/jobs';
import { PROCESSING_TIMEOUT_SECONDS } from '../../src/jobs/media-processing';
import { readProgress } from '../../src/media/progress';
import { PURGATORY_KEY } from '../../src/services/media/uploads.service';
import { startTestServer, type TestServer } from '../support/server';
import { AUDIO_JOB, expandParts, filesOnDisk, finalEvent, sendPart, startUpload, storedKeys, tinyMp4 } from './support';

/**
 * The upload lifecycle under races and crashes (screens-and-media.md §3.4 steps 2, 4 and 5),
 * checked in the database, in Redis and on disk: concurrent duplicates and completions, the
 * expiry sweep and processing timeout, and the purgatory sweep.
 */

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.userToken('lifecycle-admin', { admin: true });
});
afterAll(() => server?.close());

const uploadPrefix = (uid: string) => `s3_files/uploads/${uid}/`;
const onDiskUnder = async (prefix: string) => (await filesOnDisk(server)).filter((key) => key.startsWith(prefix));
const rowsUnder = async (prefix: string) => (await storedKeys(server)).filter((key) => key.startsWith(prefix));
const purgatoryUnder = async (prefix: string) => (await server.app.redis.zrange(PURGATORY_KEY, '0', '-1')).filter((key) => key.startsWith(prefix));
const eventTypes = async (progressUid: string) => (await readProgress(server.app.redis, progressUid)).map((e) => e.type);

describe('concurrent parts (§3.4 step 2)', () => {
  // Two full parts and a remainder: duplicates of one part race while the upload stays open.
  const bytes = tinyMp4(2, 2 * 1_048_576);
  let start: Awaited<ReturnType<typeof startUpload>>['body'];
  let parts: ReturnType<typeof expandParts>;
  const send = (n: number) => sendPart(server, start.uid, n, bytes.subarray(parts[n - 1].start, parts[n - 1].end), { header: `bearer ${start.jwt}` });

  it('concurrent duplicates of one part: exactly one 202, the others 409, and only the winner\'s bytes stay', async () => {
    start = (await startUpload(server, admin, 'content', { job: AUDIO_JOB, file_size: bytes.length })).body;
    parts = expandParts(start.parts);
    expect(parts).toHaveLength(3);
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(1)));
    expect(answers.filter((a) => a.status === 202).map((a) => a.body)).toEqual([{ done: false }]);
    expect(answers.filter((a) => a.status !== 202).map((a) => `${a.status} ${a.body.type}`)).toEqual(Array(5).fill('409 part_already_uploaded'));
    // One file on disk and one row for part 1, and it is the attached one; no purgatory entry is left.
    const [attached] = await server.sql<{ key: string }>(
      `SELECT f.key FROM file_upload_parts p JOIN file_uploads u ON u.id = p.file_upload_id JOIN stored_files f ON f.id = p.stored_file_id
       WHERE u.uid = $1 AND p.part_number = 1`,
      [start.uid],
    );
    expect(await onDiskUnder(`${uploadPrefix(start.uid)}1/`)).toEqual([attached.key]);
    expect(await rowsUnder(uploadPrefix(start.uid))).toEqual([attached.key]);
    expect(await purgatoryUnder(uploadPrefix(start.uid))).toEqual([]);
  });

  it('the last parts racing, duplicated: exactly one request answers done:true and the job runs once', async () => {
    const answers = await Promise.all([2, 3, 2, 3, 2, 3].map((n) => send(n)));
    expect(answers.filter((a) => a.status === 202)).toHaveLength(2);
    expect(answers.filter((a) => a.status === 202 && a.body.done === true)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 202)) {
      // A duplicate loses to its twin (409) or arrives after completion (404).
      expect(`${refused.status} ${refused.body.type}`).toMatch(/^(409 part_already_uploaded|404 upload_aborted_or_completed)$/);
    }
    expect(await finalEvent(server, start.progress.uid)).toMatchObject({ type: 'succeeded' });
    await server.app.mediaJobs.idle();
    expect(await eventTypes(start.progress.uid)).toEqual(['queued', 'started', 'succeeded']);
    expect(await server.sql(`SELECT count(*)::int AS n FROM client_flow_content_files`)).toEqual([{ n: 1 }]);
    // The upload is gone everywhere; every stored row has its bytes and nothing else is on disk.
    expect(await onDiskUnder(uploadPrefix(start.uid))).toEqual([]);
    expect(await purgatoryUnder(uploadPrefix(start.uid))).toEqual([]);
    expect(await filesOnDisk(server)).toEqual(await storedKeys(server));
  });
});

describe('expiry sweep and processing timeout (§3.4 step 4)', () => {
  it('the expiry sweep deletes an expired incomplete upload with its stored part, and never a completed one being processed', async () => {
    // Incomplete: part 2 of 2 stored.
    const incomplete = (await startUpload(server, admin, 'content', { job: AUDIO_JOB, file_size: 1_048_577 })).body;
    expect(await sendPart(server, incomplete.uid, 2, Buffer.from([1]), { header: `bearer ${incomplete.jwt}` })).toMatchObject({ status: 202, body: { done: false } });
    // Completed and claimed by a (slow) worker elsewhere: the claim is taken before the last part arrives.
    const completed = (await startUpload(server, admin, 'content', { job: AUDIO_JOB, file_size: 10 })).body;
    await server.sql(`UPDATE file_uploads SET processing_started_at = $2 WHERE uid = $1`, [completed.uid, server.app.now()]);
    expect(await sendPart(server, completed.uid, 1, Buffer.alloc(10, 2), { header: `bearer ${completed.jwt}` })).toMatchObject({ status: 202, body: { done: true } });
    await server.sql(`UPDATE file_uploads SET expires_at = 1 WHERE uid IN ($1, $2)`, [incomplete.uid, completed.uid]);
    expect(await onDiskUnder(uploadPrefix(incomplete.uid))).toHaveLength(1);
    const completedPart = await onDiskUnder(uploadPrefix(completed.uid));
    expect(completedPart).toHaveLength(1);

    expect(await server.app.mediaJobs.sweep()).toEqual({ expired: 1, stalled: 0 });
    expect(await server.sql(`SELECT uid FROM file_uploads WHERE uid IN ($1, $2)`, [incomplete.uid, completed.uid])).toEqual([{ uid: completed.uid }]);
    expect(await onDiskUnder(uploadPrefix(incomplete.uid))).toEqual([]);
    expect(await rowsUnder(uploadPrefix(incomplete.uid))).toEqual([]);
    expect(await finalEvent(server, incomplete.progress.uid)).toMatchObject({ type: 'failed', message: 'failure job queued due to expiration' });
    // The completed upload keeps its bytes, its row and its progress (no misleading "expired").
    expect(await onDiskUnder(uploadPrefix(completed.uid))).toEqual(completedPart);
    expect(await rowsUnder(uploadPrefix(completed.uid))).toEqual(completedPart);
    expect(await eventTypes(completed.progress.uid)).toEqual(['queued']);

    // Still inside the processing timeout: untouched.
    await server.sql(`UPDATE file_uploads SET processing_started_at = $2 WHERE uid = $1`, [completed.uid, server.app.now() - PROCESSING_TIMEOUT_SECONDS + 60]);
    expect(await server.app.mediaJobs.sweep()).toEqual({ expired: 0, stalled: 0 });
    // Past it: failed and deleted, bytes included.
    await server.sql(`UPDATE file_uploads SET processing_started_at = $2 WHERE uid = $1`, [completed.uid, server.app.now() - PROCESSING_TIMEOUT_SECONDS - 1]);
    expect(await server.app.mediaJobs.sweep()).toEqual({ expired: 0, stalled: 1 });
    expect(await finalEvent(server, completed.progress.uid)).toMatchObject({ type: 'failed', message: 'processing timed out' });
    expect(await onDiskUnder(uploadPrefix(completed.uid))).toEqual([]);
    expect(await rowsUnder(uploadPrefix(completed.uid))).toEqual([]);
    expect(await filesOnDisk(server)).toEqual(await storedKeys(server));
  });
});

describe('purgatory sweep (§3.4 step 5)', () => {
  it('deletes what crashed requests left (bytes and row), keeps attached parts and writes still in flight', async () => {
    const upload = (await startUpload(server, admin, 'content', { job: AUDIO_JOB, file_size: 1_048_577 })).body;
    const auth = { header: `bearer ${upload.jwt}` };
    expect(await sendPart(server, upload.uid, 2, Buffer.from([9]), auth)).toMatchObject({ status: 202 });
    const prefix = uploadPrefix(upload.uid);
    // A committed part clears its entry.
    const [attached] = await rowsUnder(prefix);
    expect(await purgatoryUnder(prefix)).toEqual([]);

    const now = server.app.now();
    const past = now - 1;
    const crashedBeforeRow = `${prefix}1/crashed-before-row`;
    const unattachedRow = `${prefix}1/unattached-row`;
    const inFlight = `${prefix}1/in-flight`;
    const notAPart = `s3_files/originals/purgatory-test-${upload.uid}`;
    for (const key of [crashedBeforeRow, unattachedRow, inFlight, notAPart]) await server.app.files.put(key, Buffer.alloc(16, 3));
    await server.sql(`INSERT INTO stored_files (uid, key, file_size, content_type, created_at) VALUES ($1, $2, 16, 'application/octet-stream', $3)`, [
      `oseh_s3f_purgatory_${upload.uid.slice(-8)}`,
      unattachedRow,
      now,
    ]);
    // The attached part as if its request died between the commit and removing its entry.
    await server.app.redis.zadd(PURGATORY_KEY, past, attached, past, crashedBeforeRow, past, unattachedRow, now + 600, inFlight, past, notAPart);

    const result = await runJob(server.app, findJob('sweep_file_purgatory')!, { signal: new AbortController().signal });
    expect(result.stopped).toBe(false);
    expect(await onDiskUnder(prefix)).toEqual([attached, inFlight].sort());
    expect(await rowsUnder(prefix)).toEqual([attached]);
    expect(await purgatoryUnder(prefix)).toEqual([inFlight]);
    expect(await server.app.redis.zscore(PURGATORY_KEY, notAPart)).toBeNull();
    expect(await server.app.files.stat(notAPart)).toEqual({ size: 16 });

    // The upload still completes with the part the sweep kept.
    expect(await sendPart(server, upload.uid, 1, Buffer.alloc(1_048_576, 4), auth)).toMatchObject({ status: 202, body: { done: true } });
    expect(await finalEvent(server, upload.progress.uid)).toMatchObject({ type: 'failed', message: expect.stringMatching(/not an mp4/) });
    await server.app.mediaJobs.idle();
    // Leave nothing behind: the in-flight write "finishes" by being abandoned here.
    await server.app.redis.zrem(PURGATORY_KEY, inFlight);
    await Promise.all([inFlight, notAPart].map((key) => server.app.files.delete(key)));
    expect(await filesOnDisk(server)).toEqual(await storedKeys(server));
  });
});
