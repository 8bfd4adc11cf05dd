import { CloseCode, handleProtocols, makeServer, type ServerOptions, type WebSocket as GraphQLTransport } from 'graphql-ws';
import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { WebSocket, type RawData, type WebSocketServer } from 'ws';
import type { Logger } from '../lib/log';

/** A ping per socket this often; a socket that has not answered the previous ping by then is dropped. */
export const KEEPALIVE_MS = 12_000;
/**
 * One keepalive tick this often: sockets are pinged in groups spread over the interval (one
 * group per tick), not all at once. Each ping is a write system call, each pong a read, so a
 * group's size is how long delivery of queue changes waits behind a tick: with 10,000 sockets,
 * 48 groups of 208 held the event loop 4–25 ms every 250 ms; 480 groups of 21 hold it about 1 ms.
 */
const KEEPALIVE_TICK_MS = 25;

const SERVER_ONLY_MESSAGE = /"type"\s*:\s*"(?:connection_ack|next|error)"/;

/**
 * graphql-ws answers a client message of a type only servers send (`connection_ack`, `next`,
 * `error`) by throwing, which would close with 4500 (its internal error). It is the client's
 * malformed message: 4400 like any other.
 */
function isServerOnlyMessage(text: string): boolean {
  if (!SERVER_ONLY_MESSAGE.test(text)) return false;
  try {
    const type = (JSON.parse(text) as { type?: unknown } | null)?.type;
    return type === 'connection_ack' || type === 'next' || type === 'error';
  } catch {
    return false; // not JSON: graphql-ws refuses it with 4400 itself
  }
}

/**
 * Each source event executed against the subscription's selection, as graphql's `subscribe`
 * does, but as one object with its methods on the prototype: graphql's own mapping iterator is
 * seven closures per subscription, held for as long as it stays open.
 */
class ExecutedStream implements AsyncIterableIterator<ExecutionResult> {
  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly args: ExecutionArgs,
  ) {}

  async next(): Promise<IteratorResult<ExecutionResult>> {
    const event = await this.source.next();
    if (event.done === true) return event;
    try {
      return { value: await execute({ ...this.args, rootValue: event.value }), done: false };
    } catch (error) {
      await this.source.return?.().catch(() => undefined);
      throw error;
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    await this.source.return?.();
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** graphql's `subscribe`, with the leaner iterator above. */
export async function subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  return new ExecutedStream((stream as AsyncIterable<unknown>)[Symbol.asyncIterator](), args);
}

/**
 * A ws socket that carries its graphql-ws state in fields of its own, so that a connection costs
 * no closures of ours: the listeners below are shared by every socket (`this` is the socket).
 */
class GraphQLSocket extends WebSocket {
  /** graphql-ws's message handler for this connection. */
  onGraphQLMessage: ((data: string) => Promise<void>) | null = null;
  /** graphql-ws's close handler for this connection. */
  onGraphQLClose: ((code: number, reason: string) => Promise<void>) | null = null;
  /** Pinged and no pong yet. */
  awaitingPong = false;
  /** Keepalive group, -1 once removed. */
  keepAliveGroup = -1;
}

/** graphql-ws's view of one socket: methods on the prototype, one field. */
class Transport implements GraphQLTransport {
  constructor(private readonly socket: GraphQLSocket) {}

  get protocol(): string {
    return this.socket.protocol;
  }

  send(data: string): Promise<void> {
    const socket = this.socket;
    if (socket.readyState !== WebSocket.OPEN) return Promise.resolve();
    return new Promise((resolve, reject) => socket.send(data, (error) => (error ? reject(error) : resolve())));
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  onMessage(handler: (data: string) => Promise<void>): void {
    this.socket.onGraphQLMessage = handler;
  }
}

/**
 * graphql-ws (protocol `graphql-transport-ws`) on a ws server: the protocol is graphql-ws's own
 * (`makeServer`), the socket plumbing ours. Its stock `useServer` keeps, per connection, the
 * upgrade request, a keepalive interval with a timeout and listener per ping, and a dozen
 * closures; with thousands of idle subscribers those were a large part of each one's memory, and
 * the pings' timers a steady load. Here a connection holds its socket, one small adapter and
 * graphql-ws's own state; one timer pings every socket once per `KEEPALIVE_MS`, spread in groups.
 */
export function serveGraphQLOverWebSocket<P extends Record<string, unknown>>(
  options: ServerOptions<P, undefined>,
  wsServer: WebSocketServer,
  log: Logger,
  keepAliveMs = KEEPALIVE_MS,
): { dispose(): Promise<void> } {
  const server = makeServer<P, undefined>({ subscribe, ...options });
  wsServer.options.handleProtocols = handleProtocols;
  wsServer.options.WebSocket = GraphQLSocket;

  const groupCount = Math.max(1, Math.round(keepAliveMs / KEEPALIVE_TICK_MS));
  const groups = Array.from({ length: groupCount }, () => new Set<GraphQLSocket>());
  let nextGroup = 0;
  let tick = 0;
  const keepAlive = setInterval(() => {
    for (const socket of groups[tick]) {
      if (socket.readyState !== WebSocket.OPEN) continue;
      if (socket.awaitingPong) {
        socket.terminate();
        continue;
      }
      socket.awaitingPong = true;
      socket.ping();
    }
    tick = (tick + 1) % groupCount;
  }, keepAliveMs / groupCount);
  keepAlive.unref();

  // Listeners shared by every socket; ws calls them with the socket as `this`.
  function onMessage(this: WebSocket, data: RawData): void {
    const socket = this as GraphQLSocket;
    const text = String(data);
    if (isServerOnlyMessage(text)) return socket.close(CloseCode.BadRequest, 'Invalid message received');
    socket.onGraphQLMessage?.(text).catch((error: unknown) => {
      log.error({ err: error }, 'graphql-ws message handling failed');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
  }

  function onError(this: WebSocket, error: Error): void {
    log.warn({ err: error }, 'websocket error');
    this.close(CloseCode.InternalServerError, 'Internal server error');
  }

  function onPong(this: WebSocket): void {
    (this as GraphQLSocket).awaitingPong = false;
  }

  function onClose(this: WebSocket, code: number, reason: Buffer): void {
    const socket = this as GraphQLSocket;
    if (socket.keepAliveGroup >= 0) groups[socket.keepAliveGroup].delete(socket);
    socket.keepAliveGroup = -1;
    socket.onGraphQLClose?.(code, String(reason)).catch((error: unknown) => log.error({ err: error }, 'graphql-ws close handling failed'));
  }

  wsServer.on('connection', (socket: GraphQLSocket) => {
    socket.on('error', onError);
    socket.on('message', onMessage);
    socket.on('pong', onPong);
    socket.on('close', onClose);
    socket.keepAliveGroup = nextGroup;
    groups[nextGroup].add(socket);
    nextGroup = (nextGroup + 1) % groupCount;
    socket.onGraphQLClose = server.opened(new Transport(socket), undefined);
  });

  wsServer.on('error', (error) => {
    log.error({ err: error }, 'websocket server error');
    for (const client of wsServer.clients) client.close(CloseCode.InternalServerError, 'Internal server error');
  });

  return {
    dispose: async () => {
      clearInterval(keepAlive);
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => wsServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
