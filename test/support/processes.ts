import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { print } from 'graphql';
import WebSocket from 'ws';
import { ScreenQueueChangedDocument, type ScreenQueueChangedSubscription } from '../generated/graphql';
import { TEST_ID_TOKEN_SECRET, TEST_MEDIA_SECRETS, TEST_SCREEN_JWT_SECRET } from './server';

/** Server processes run the compiled code exactly as `npm start` does (build first: buildIfNeeded). */
export const root = join(__dirname, '..', '..');
export const { buildIfNeeded } = require('../../scripts/build-if-needed') as { buildIfNeeded(): void };

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The development admin token it printed. */
  adminToken: string;
  /** Everything it printed so far (JSON log lines and the start banner). */
  output(): string;
  /** Resolves when its output matches (checked as it arrives), or rejects after the timeout. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
}

/** A loopback port free right now (for a server that must come back on the same address). */
export { freeLoopbackPort as freePort } from '../../src/infra/ports';

/** The environment of a test server process: the test secrets, NODE_ENV=test, any port. */
export function processEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    OSEH_ID_TOKEN_SECRET: TEST_ID_TOKEN_SECRET,
    OSEH_CLIENT_SCREEN_JWT_SECRET: TEST_SCREEN_JWT_SECRET,
    ...TEST_MEDIA_SECRETS,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** Starts `dist/src/main.js` and resolves once it serves and printed its admin token. */
export function startServerProcess(env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], { env, cwd: root });
  let output = '';
  const watchers = new Set<() => void>();
  const waitForOutput = (pattern: RegExp, ms: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(output)) return;
        watchers.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        watchers.delete(check);
        reject(new Error(`no ${pattern} within ${ms} ms:\n${output}`));
      }, ms);
      watchers.add(check);
      check();
    });
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of [...watchers]) check();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`server exited with ${code}:\n${output}`));
    child.once('exit', exited);
    waitForOutput(/development admin token.*?(oseh_ut_\S+)/, timeoutMs).then(() => {
      child.off('exit', exited);
      resolve({
        child,
        url: /listening on (http:\/\/\S+)/.exec(output)![1],
        adminToken: /development admin token.*?(oseh_ut_\S+)/.exec(output)![1],
        output: () => output,
        waitForOutput,
      });
    }, (error: unknown) => {
      child.kill('SIGKILL');
      reject(error);
    });
  });
}

/** SIGTERM; resolves with the exit code. */
export function stopServerProcess(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

export type QueueChangeEvent = ScreenQueueChangedSubscription['screenQueueChanged'] & { receivedAt: number };

export interface LiveQueue {
  client: Client;
  events: QueueChangeEvent[];
  /** The next event not yet taken (in order), or rejects after the timeout. */
  next(timeoutMs?: number): Promise<QueueChangeEvent>;
  /** Events received and not yet taken. */
  pending(): QueueChangeEvent[];
  /** Close code of the connection, once closed. */
  closed: Promise<number>;
  close(): Promise<void>;
}

/** A graphql-ws client subscribed to `screenQueueChanged` on a server, authenticated with `authorization`. */
export function subscribeQueue(baseUrl: string, authorization: string): LiveQueue {
  const events: QueueChangeEvent[] = [];
  let taken = 0;
  const waiters: (() => void)[] = [];
  let resolveClosed: (code: number) => void;
  const closed = new Promise<number>((resolve) => (resolveClosed = resolve));
  const client = createClient({
    url: `${baseUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization },
    on: { closed: (event) => resolveClosed((event as { code: number }).code) },
  });
  client.subscribe<ScreenQueueChangedSubscription>(
    { query: print(ScreenQueueChangedDocument) },
    {
      next: (result) => {
        if (result.data) events.push({ ...result.data.screenQueueChanged, receivedAt: Date.now() });
        for (const wake of waiters.splice(0)) wake();
      },
      error: () => {},
      complete: () => {},
    },
  );
  const next = async (timeoutMs = 2000): Promise<QueueChangeEvent> => {
    const deadline = Date.now() + timeoutMs;
    while (events.length <= taken) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no queue change within ${timeoutMs} ms (got ${JSON.stringify(events)})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return events[taken++];
  };
  return { client, events, next, pending: () => events.slice(taken), closed, close: () => client.dispose() as Promise<void> };
}
