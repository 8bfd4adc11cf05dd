import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ClientFlowContentFilesDocument, ClientFlowImagesDocument, JobProgressDocument, StartClientFlowContentUploadDocument, StartClientFlowImageUploadDocument,
  type JobProgressSubscription, type TextOperator,
} from '../generated/graphql';
import { errorCode, graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';
import { AUDIO_JOB, EXACT_JOB, INTERSTITIAL_JOB, sendPart, tinyMp4 } from './support';

/** GraphQL equivalents of the media admin endpoints, and the jobProgress subscription. */

let server: TestServer;
let auth: string;
beforeAll(async () => {
  server = await startTestServer();
  auth = `bearer ${await server.userToken('gql-media-admin', { admin: true })}`;
});
afterAll(() => server?.close());

function followProgress(uid: string, jwt: string): Promise<JobProgressSubscription['jobProgress'][]> {
  const client = createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: auth } });
  const events: JobProgressSubscription['jobProgress'][] = [];
  return new Promise((resolve, reject) => {
    client.subscribe<JobProgressSubscription>(
      { query: print(JobProgressDocument), variables: { uid, jwt } },
      {
        next: (result) => (result.data ? events.push(result.data.jobProgress) : reject(new Error(JSON.stringify(result.errors)))),
        error: reject,
        complete: () => {
          void client.dispose();
          resolve(events);
        },
      },
    );
  });
}

describe('media over GraphQL', () => {
  it('startClientFlowImageUpload validates like REST (BAD_USER_INPUT) and needs an admin', async () => {
    const user = `bearer ${await server.userToken('gql-media-user')}`;
    const bad = await graphql(server.url, StartClientFlowImageUploadDocument, { job: 'runners.nope', fileSize: 10 }, { authorization: auth });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const noSize = await graphql(server.url, StartClientFlowImageUploadDocument, { job: EXACT_JOB, fileSize: 10 }, { authorization: auth });
    expect(noSize.errors?.[0]?.message).toMatch(/dynamic_size/);
    const forbidden = await graphql(server.url, StartClientFlowImageUploadDocument, { job: INTERSTITIAL_JOB, fileSize: 10 }, { authorization: user });
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    const ok = await graphql(server.url, StartClientFlowImageUploadDocument, { job: INTERSTITIAL_JOB, fileSize: 2_097_152 + 3 }, { authorization: auth });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.startClientFlowImageUpload).toMatchObject({
      partRanges: [{ startNumber: 1, startByte: 0, numberOfParts: 2, partSize: 1_048_576 }],
      parts: [{ number: 3, startByte: 2_097_152, endByte: 2_097_155 }],
    });
  });

  it('uploads content, follows jobProgress to the end, and lists it with clientFlowContentFiles', async () => {
    const bytes = tinyMp4(4, 100);
    const started = await graphql(server.url, StartClientFlowContentUploadDocument, { job: AUDIO_JOB, fileSize: bytes.length }, { authorization: auth });
    const upload = started.data!.startClientFlowContentUpload;
    // The upload JWT is not a progress JWT, and another job's progress JWT is not this job's.
    const other = (await graphql(server.url, StartClientFlowContentUploadDocument, { job: AUDIO_JOB, fileSize: 10 }, { authorization: auth })).data!.startClientFlowContentUpload;
    for (const jwt of [upload.jwt, other.progress.jwt]) {
      // followProgress rejects with the errors of the refusal as JSON; completing at all would be a failure.
      const refused = await followProgress(upload.progress.uid, jwt).then(
        (events) => ({ events }),
        (error: Error) => ({ errors: JSON.parse(error.message) as unknown }),
      );
      expect(refused).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })] });
    }
    const progress = followProgress(upload.progress.uid, upload.progress.jwt);
    expect(await sendPart(server, upload.uid, 1, bytes, { header: `bearer ${upload.jwt}` })).toMatchObject({ status: 202, body: { done: true } });
    const events = await progress;
    expect(events.map((e) => e.type)).toEqual(['queued', 'started', 'succeeded']);
    expect(events[2].indicator).toEqual({ type: 'final' });

    const sha = createHash('sha512').update(bytes).digest('hex');
    const listed = await graphql(server.url, ClientFlowContentFilesDocument, { filter: { originalFileSha512: { op: 'EQ' as TextOperator, value: sha } } }, { authorization: auth });
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.clientFlowContentFiles.nodes).toEqual([
      expect.objectContaining({ listSlug: 'audio_interstitial', transcript: null, originalFileSha512: sha, contentFile: { uid: expect.stringMatching(/^oseh_cf_/), jwt: expect.any(String) } }),
    ]);
    const tooMany = await graphql(server.url, ClientFlowImagesDocument, { first: 251 }, { authorization: auth });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
  });

  it('a refused upload: the subscription shows the failure and its readable reason, and nothing is listed', async () => {
    const bytes = Buffer.from('this is no mp4 at all');
    const started = await graphql(server.url, StartClientFlowContentUploadDocument, { job: AUDIO_JOB, fileSize: bytes.length }, { authorization: auth });
    const upload = started.data!.startClientFlowContentUpload;
    const progress = followProgress(upload.progress.uid, upload.progress.jwt);
    expect(await sendPart(server, upload.uid, 1, bytes, { header: `bearer ${upload.jwt}` })).toMatchObject({ status: 202, body: { done: true } });
    const events = await progress;
    expect(events.map((e) => e.type)).toEqual(['queued', 'started', 'failed']);
    expect(events[2]).toMatchObject({ message: expect.stringMatching(/not an mp4/), indicator: { type: 'final' } });
    const sha = createHash('sha512').update(bytes).digest('hex');
    const listed = await graphql(server.url, ClientFlowContentFilesDocument, { filter: { originalFileSha512: { op: 'EQ' as TextOperator, value: sha } } }, { authorization: auth });
    expect(listed.data?.clientFlowContentFiles.nodes).toEqual([]);
  });
});
