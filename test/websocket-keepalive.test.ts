import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveGraphQLOverWebSocket } from '../src/http/graphql-ws';
import { createLogger } from '../src/lib/log';

/** A short keepalive interval so that a dead peer is dropped within a second. */
const KEEPALIVE_MS = 480;

let http: Server;
let url: string;
let dispose: () => Promise<void>;
beforeAll(async () => {
  http = createServer();
  const wsServer = new WebSocketServer({ server: http });
  dispose = serveGraphQLOverWebSocket({}, wsServer, createLogger('silent'), KEEPALIVE_MS).dispose;
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await dispose();
  await new Promise((resolve) => http.close(resolve));
});

function open(autoPong: boolean): Promise<{ socket: WebSocket; pings: () => number; closed: Promise<number> }> {
  const socket = new WebSocket(url, 'graphql-transport-ws', { autoPong });
  let pings = 0;
  socket.on('ping', () => pings++);
  const closed = new Promise<number>((resolve) => socket.once('close', resolve));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, pings: () => pings, closed }));
    socket.once('error', reject);
  });
}

describe('graphql-ws keepalive', () => {
  it('pings every socket each interval and drops one that stops answering', async () => {
    const live = await open(true);
    const dead = await open(false);
    live.socket.send(JSON.stringify({ type: 'connection_init' }));
    const code = await dead.closed; // terminated: no close frame
    expect(code).toBe(1006);
    await new Promise((resolve) => setTimeout(resolve, KEEPALIVE_MS * 2));
    expect(live.socket.readyState).toBe(WebSocket.OPEN);
    expect(live.pings()).toBeGreaterThanOrEqual(2);
    live.socket.close();
  });

  it('refuses a message type only servers send with 4400', async () => {
    const client = await open(true);
    client.socket.send(JSON.stringify({ type: 'next', id: '1', payload: {} }));
    expect(await client.closed).toBe(4400);
  });
});
