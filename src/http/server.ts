import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { getOperationAST, GraphQLError, parse, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { isShallowJson } from '../domain/json';
import { Lru } from '../lib/versioned-cache';
import { createGraphQLContext, type GraphQLContext } from '../graphql/context';
import { serveGraphQLOverWebSocket } from './graphql-ws';
import { operationLimitErrors, operationLimitsPlugin } from '../graphql/limits';
import { buildGraphQLSchema } from '../graphql/schema';
import { attachTrace, REQUEST_ID_HEADER, requestIdOf, requestTracePlugin, UNMATCHED, type RequestTrace } from '../ops/request-trace';
import { header, readBody, sendEmpty, sendInternalError, sendJson, sendServiceUnavailable } from '../rest/http';
import { Router } from '../rest/router';
import { formatRoundTrips, ROUND_TRIPS_HEADER, withRoundTripCounter, type RoundTrips } from '../lib/round-trips';
import { REST_ROUTES } from '../rest/routes';
import type { AppContext } from '../services/app-context';
import { ServiceUnavailableError } from '../services/errors';
import { authenticate } from '../services/identity.service';

export const GRAPHQL_PATH = '/graphql';
/** JSON nesting allowed in a GraphQL request body: variables deeper than this serve no screen. */
export const MAX_GRAPHQL_BODY_DEPTH = 128;

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  /** Stops accepting, drains HTTP and WebSocket connections, finishes in-flight requests. */
  close(): Promise<void>;
}

/** Paths logged at debug level only (health probes, metric scrapes). */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** Distinct operation texts kept parsed and validated for WebSocket clients. */
const WS_DOCUMENT_CACHE_SIZE = 200;

/**
 * Parses and validates each distinct operation text once and shares the result: thousands of
 * live clients send the same subscription, and each kept its own syntax tree otherwise.
 * Documents are parsed without locations (the token chain is most of a small tree's size).
 */
function documentCache(schema: GraphQLSchema): (query: string) => DocumentNode | readonly GraphQLError[] {
  const documents = new Lru<DocumentNode>(WS_DOCUMENT_CACHE_SIZE);
  return (query) => {
    const cached = documents.get(query);
    if (cached !== undefined) return cached;
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true });
    } catch (error) {
      return [error as GraphQLError];
    }
    const errors = validate(schema, document);
    if (errors.length > 0) return errors;
    documents.set(query, document);
    return document;
  };
}

/**
 * Subscriptions are served over graphql-ws only: over HTTP the field would run without an event
 * (a masked 500). Refused before execution, like any other malformed request.
 */
const subscriptionsOverWebSocketOnly: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError('subscriptions are served over WebSocket (graphql-ws) at /graphql', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      },
    };
  },
};

/** Hides internal failures from clients: no messages or stack traces, one stable code. */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  // Apollo refuses some requests without a code but with a 4xx status (a persisted query whose
  // hash does not match its text): the client's fault, so BAD_REQUEST rather than a masked bug.
  const own = (error as { extensions?: { code?: unknown; http?: { status?: number } } } | null)?.extensions;
  const status = own?.http?.status;
  if (own?.code === undefined && status !== undefined && status >= 400 && status < 500) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
  }
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    const original = (error as { originalError?: unknown })?.originalError;
    if (original instanceof ServiceUnavailableError) {
      return { message: original.message, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: original.retryAfterSeconds } };
    }
    return { message: 'internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}

/** Debug: the answer's headers carry what the request cost so far (everything but the body is done by then). */
function reportRoundTrips(res: ServerResponse, counts: RoundTrips, handle: () => Promise<void>): Promise<void> {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    if (!res.headersSent) res.setHeader(ROUND_TRIPS_HEADER, formatRoundTrips(counts));
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
  return handle();
}

/**
 * One port for everything: REST shims, `/healthz` and `/readyz`, GraphQL over HTTP and
 * graphql-ws (protocol `graphql-transport-ws`) on the same `/graphql` path.
 */
export async function startHttpServer(app: AppContext, listen: { port: number; host: string }): Promise<RunningServer> {
  const schema = await buildGraphQLSchema();
  const router = new Router(REST_ROUTES);
  let apollo: ApolloServer<GraphQLContext> | undefined;

  const httpServer = createServer((req, res) => {
    const handled = app.config.debugRoundTrips ? withRoundTripCounter((counts) => reportRoundTrips(res, counts, () => handle(req, res))) : handle(req, res);
    handled.catch((error) => {
      app.log.error({ err: error, url: req.url }, 'unhandled request failure');
      sendInternalError(res);
    });
  });

  /**
   * Every request gets an id (the client's `x-request-id` when sane, else a new one) echoed on the
   * answer, and when it ends one log line and one latency sample labeled with its operation.
   */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const trace: RequestTrace = { id: requestIdOf(req), transport: 'rest', operation: UNMATCHED };
    res.setHeader(REQUEST_ID_HEADER, trace.id);
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      app.prometheus.observeRequest(trace.transport, trace.operation, res.statusCode, seconds);
      // Probes and scrapes arrive every few seconds: keep them out of the info stream.
      const level = QUIET_PATHS.has(url.pathname) ? 'debug' : 'info';
      app.log[level](
        { reqId: trace.id, method: req.method, path: url.pathname, operation: trace.operation, status: res.statusCode, ms: Math.round(seconds * 1e5) / 100 },
        'request',
      );
    });
    try {
      await route(req, res, url, trace);
    } catch (error) {
      app.log.error({ err: error, reqId: trace.id, url: req.url }, 'unhandled request failure');
      sendInternalError(res);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, trace: RequestTrace): Promise<void> {
    if (url.pathname === GRAPHQL_PATH) {
      trace.transport = 'graphql';
      trace.operation = '(invalid)';
      return handleGraphQL(req, res, url, trace);
    }
    const match = router.match(req.method ?? 'GET', url.pathname);
    if (match.kind === 'not_found') return sendJson(res, 404, { detail: 'Not Found' });
    if (match.kind === 'method_not_allowed') return sendJson(res, 405, { detail: 'Method Not Allowed' });
    trace.operation = match.route;
    try {
      await match.handler({ req, res, url, params: match.params, app });
    } catch (error) {
      if (error instanceof ServiceUnavailableError) return sendServiceUnavailable(res, error);
      throw error;
    }
  }

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, trace: RequestTrace): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (method === 'POST') {
      const read = await readBody(req, app.config.requestBodyLimitBytes);
      if (!read.ok) return sendEmpty(res, 413);
      const text = read.body.toString('utf8');
      const contentType = headers.get('content-type') ?? '';
      if (/^application\/(graphql-response\+)?json\b/i.test(contentType) && text.length > 0) {
        try {
          body = JSON.parse(text);
        } catch {
          return sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
        }
        // Recursive steps downstream (variable coercion, serialization) must not meet hostile depth.
        if (!isShallowJson(body, MAX_GRAPHQL_BODY_DEPTH)) {
          return sendJson(res, 400, { errors: [{ message: 'request body is nested too deeply', extensions: { code: 'BAD_REQUEST' } }] });
        }
      } else {
        body = text;
      }
    }
    const response = await apollo!.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      context: async () => {
        const context = createGraphQLContext(app, {
          requestId: trace.id,
          authorization: header(req, 'authorization'),
          visitor: header(req, 'visitor'),
        });
        return attachTrace(context, trace);
      },
    });
    const outHeaders: Record<string, string> = {};
    for (const [name, value] of response.headers) outHeaders[name] = value;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });
  const wsDocument = documentCache(schema);
  const wsCleanup = serveGraphQLOverWebSocket<{ authorization?: unknown; visitor?: unknown }>(
    {
      schema,
      onSubscribe: (_ctx, _id, payload) => {
        const document = wsDocument(payload.query);
        if (!('kind' in document)) return document;
        const operation = getOperationAST(document, payload.operationName);
        if (operation) {
          const limited = operationLimitErrors(schema, document, operation, payload.variables ?? undefined, app.config.graphqlLimits);
          if (limited.length > 0) return limited;
        }
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      connectionInitWaitTimeout: 10_000,
      // The connection authenticates once, in connection_init; a refusal closes with 4403.
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        const result = await authenticate(app, typeof authorization === 'string' ? authorization : undefined);
        return result.ok;
      },
      context: (ctx) => {
        const params = ctx.connectionParams ?? {};
        return createGraphQLContext(app, {
          requestId: randomUUID(),
          authorization: typeof params.authorization === 'string' ? params.authorization : undefined,
          visitor: typeof params.visitor === 'string' ? params.visitor : undefined,
        });
      },
    },
    wsServer,
    app.log,
  );

  const drainWebSockets: ApolloServerPlugin<GraphQLContext> = {
    async serverWillStart() {
      return {
        async drainServer() {
          await wsCleanup.dispose();
        },
      };
    },
  };

  apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: app.config.graphqlIntrospection,
    includeStacktraceInErrorResponses: false,
    // The process owns its signals (src/main.ts): drain, then close Redis and PostgreSQL.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      drainWebSockets,
      subscriptionsOverWebSocketOnly,
      operationLimitsPlugin<GraphQLContext>(schema, app.config.graphqlLimits),
      requestTracePlugin<GraphQLContext>(app.log),
      // Without introspection the landing page's explorer has nothing to show.
      ...(app.config.graphqlIntrospection ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
  });
  await apollo.start();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(listen.port, listen.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    server: httpServer,
    port,
    url: `http://${listen.host.includes(':') ? `[${listen.host}]` : listen.host}:${port}`,
    close: async () => {
      await apollo!.stop();
    },
  };
}
