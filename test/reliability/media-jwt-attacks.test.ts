/**
 * issue 8 item 2, the media side: JWT attacks on the image, content and transcript tokens (the
 * serving endpoints of screens-and-media.md §3.6), the file-upload token (§3.4 step 2) and the
 * job-progress token (the jobProgress subscription). Each attack is derived from a genuine
 * token (test/support/jwt-attacks.ts) and answers the documented refusal; the genuine token
 * passes the same check (404 for a resource that does not exist, 202 for a real part, the
 * stored progress events), so the refusals are for what each attack changed.
 */
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHs256 } from '../../src/lib/jwt';
import { JobProgressDocument } from '../generated/graphql';
import { attacksOn } from '../support/jwt-attacks';
import { startTestServer, TEST_MEDIA_SECRETS, type TestServer } from '../support/server';
import { INTERSTITIAL_JOB, sendPart, startUpload } from '../media/support';

const INVALID = { type: 'invalid', message: 'token is invalid', markdown: 'token is invalid' };
const NOT_FOUND = { type: 'not_found', message: 'There is no such resource', markdown: 'There is no such resource' };

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.userToken('oseh_u_media_jwt_admin', { admin: true });
});
afterAll(() => server?.close());

async function get(path: string, token: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? JSON.parse(text) : null };
}

const SERVED = [
  { kind: 'image', secret: 'OSEH_IMAGE_FILE_JWT_SECRET', audience: 'oseh-image', other: 'oseh-content', uid: 'oseh_if_attacked', path: (uid: string) => `/api/1/image_files/playlist/${uid}` },
  { kind: 'content', secret: 'OSEH_CONTENT_FILE_JWT_SECRET', audience: 'oseh-content', other: 'oseh-image', uid: 'oseh_cf_attacked', path: (uid: string) => `/api/1/content_files/${uid}/web.json` },
  { kind: 'transcript', secret: 'OSEH_TRANSCRIPT_JWT_SECRET', audience: 'oseh-transcript', other: 'oseh-content', uid: 'oseh_t_attacked', path: (uid: string) => `/api/1/transcripts/${uid}` },
] as const;

describe('JWT attacks on media, upload and progress tokens', () => {
  for (const target of SERVED) {
    it(`${target.kind} JWTs: every attack answers 403 invalid; the genuine token reaches the lookup (404)`, async () => {
      const secret = TEST_MEDIA_SECRETS[target.secret];
      const sign = (subject: string) => signHs256(secret, { audience: target.audience, subject, lifetimeSeconds: 1800 });
      const genuine = await sign(target.uid);
      const attacks = {
        ...(await attacksOn(genuine, secret, target.other)),
        'a genuine token of another resource': await sign(`${target.uid}_other`),
        'the same claims under another kind\'s secret': await signHs256(TEST_MEDIA_SECRETS[target.kind === 'image' ? 'OSEH_CONTENT_FILE_JWT_SECRET' : 'OSEH_IMAGE_FILE_JWT_SECRET'], {
          audience: target.audience, subject: target.uid, lifetimeSeconds: 1800,
        }),
      };
      for (const [name, token] of Object.entries(attacks)) {
        expect({ name, ...(await get(target.path(target.uid), token)) }).toEqual({ name, status: 403, body: INVALID });
      }
      expect(await get(target.path(target.uid), genuine)).toEqual({ status: 404, body: NOT_FOUND });
    });
  }

  it('file-upload JWTs: every attack answers 403 invalid and stores nothing; the genuine token stores the part (202)', async () => {
    const started = await startUpload(server, admin, 'image', { job: INTERSTITIAL_JOB, file_size: 16 });
    expect(started.status).toBe(201);
    const { uid, jwt } = started.body;
    const attacks = {
      ...(await attacksOn(jwt, TEST_MEDIA_SECRETS.OSEH_FILE_UPLOAD_JWT_SECRET, 'oseh-job-progress')),
      "the upload's progress token": started.body.progress.jwt,
    };
    const bytes = Buffer.alloc(16, 7);
    for (const [name, token] of Object.entries(attacks)) {
      const answer = await sendPart(server, uid, 1, bytes, { header: `bearer ${token}` });
      expect({ name, status: answer.status, body: answer.body }).toEqual({ name, status: 403, body: INVALID });
    }
    const stored = await server.sql<{ n: string }>(
      `SELECT count(p.stored_file_id) AS n FROM file_upload_parts p JOIN file_uploads u ON u.id = p.file_upload_id WHERE u.uid = $1`,
      [uid],
    );
    expect(Number(stored[0].n)).toBe(0);
    const genuine = await sendPart(server, uid, 1, bytes, { header: `bearer ${jwt}` });
    expect({ status: genuine.status, body: genuine.body }).toEqual({ status: 202, body: { done: true } });
  });

  it('job-progress JWTs: every attack is refused with FORBIDDEN invalid_progress_token; the genuine token replays the stored events', async () => {
    const started = await startUpload(server, admin, 'image', { job: INTERSTITIAL_JOB, file_size: 16 });
    const { uid, jwt } = started.body.progress;
    const client = createClient({
      url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true,
      connectionParams: { authorization: `bearer ${admin}` },
    });
    /** The first thing the subscription yields: an event type, or the error's code and reason. */
    const first = (token: string) =>
      new Promise<unknown>((resolve, reject) => {
        const stop = client.subscribe<{ jobProgress: { type: string } }>(
          { query: print(JobProgressDocument), variables: { uid, jwt: token } },
          {
            next: (result) => {
              stop();
              resolve(result.errors ? { code: result.errors[0].extensions?.code, reason: result.errors[0].extensions?.reason } : result.data?.jobProgress.type);
            },
            error: (error) => {
              const errors = error as { extensions?: Record<string, unknown> }[];
              resolve(Array.isArray(errors) ? { code: errors[0].extensions?.code, reason: errors[0].extensions?.reason } : reject(error));
            },
            complete: () => resolve('completed without an event'),
          },
        );
      });
    try {
      const attacks = {
        ...(await attacksOn(jwt, TEST_MEDIA_SECRETS.OSEH_PROGRESS_JWT_SECRET, 'oseh-file-upload')),
        "the upload's own token": started.body.jwt,
      };
      for (const [name, token] of Object.entries(attacks)) {
        expect({ name, first: await first(token) }).toEqual({ name, first: { code: 'FORBIDDEN', reason: 'invalid_progress_token' } });
      }
      expect(await first(jwt)).toBe('queued');
    } finally {
      await client.dispose();
    }
  });
});
