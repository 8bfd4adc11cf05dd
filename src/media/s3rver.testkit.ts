import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Test support: an S3-compatible server (s3rver) in this process, on a loopback port the kernel
 * picks, storing into a fresh temporary directory. It accepts the fixed credentials below.
 */

/** The only credentials s3rver accepts (test-only; nothing like them exists outside tests). */
export const LOOPBACK_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface LoopbackS3 {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  bucket: string;
  /** Every request so far: `METHOD /path?query` and its headers (which S3 calls a store made, and how). */
  requests: { line: string; headers: IncomingHttpHeaders }[];
  /** The server's environment for `FILE_STORE=s3` against this bucket (credentials through the SDK's chain). */
  serverEnv(extra?: Record<string, string>): Record<string, string>;
  stop(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer: Server;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

export async function startLoopbackS3(bucket = 'clientflows-test'): Promise<LoopbackS3> {
  const directory = await mkdtemp(path.join(tmpdir(), 'clientflows-s3rver-'));
  // s3rver ships no types; required here so only tests that start it load it.
  const S3rver = require('s3rver') as S3rverClass;
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  const requests: LoopbackS3['requests'] = [];
  server.httpServer.prependListener('request', (request: IncomingMessage) => requests.push({ line: `${request.method} ${request.url}`, headers: request.headers }));
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    requests,
    serverEnv: (extra = {}) => ({
      FILE_STORE: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: LOOPBACK_S3_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOOPBACK_S3_CREDENTIALS.secretAccessKey,
      ...extra,
    }),
    stop: async () => {
      // Clients keep connections alive; they must not hold the close.
      server.httpServer.closeAllConnections();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
