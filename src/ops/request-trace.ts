import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { Logger } from '../lib/log';
import type { Transport } from './prometheus';

/** Accepted from the client and echoed on every answer, so a client's report finds the log line. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A client's id is kept when it is short printable ASCII (it lands in logs verbatim). */
const SANE_REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/** Operation label of a request no route or operation claimed. */
export const UNMATCHED = '(unmatched)';

/** What one HTTP request is known as, filled in as routing learns more. */
export interface RequestTrace {
  id: string;
  transport: Transport;
  /** REST: the route (`POST /api/1/users/me/screens/pop`); GraphQL: the root field, `(multiple)` or `(invalid)`. */
  operation: string;
}

/**
 * Where a GraphQL context carries its request's trace: a symbol-keyed own property, because
 * Apollo hands plugins a shallow copy of the context (so a WeakMap keyed by it finds nothing).
 */
const TRACE = Symbol('requestTrace');

export function attachTrace<T extends object>(context: T, trace: RequestTrace): T {
  Object.defineProperty(context, TRACE, { value: trace, enumerable: true });
  return context;
}

function traceOf(context: object): RequestTrace | undefined {
  return (context as { [TRACE]?: RequestTrace })[TRACE];
}

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * Labels each GraphQL request with its root field (a bounded set, unlike client-chosen operation
 * names) and logs failures that reach clients as INTERNAL_SERVER_ERROR, with the request id.
 */
export function requestTracePlugin<T extends object>(log: Logger): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const trace = traceOf(contextValue);
          if (trace === undefined || operation === undefined) return;
          const fields = new Set<string>();
          for (const selection of operation.selectionSet.selections) {
            fields.add(selection.kind === Kind.FIELD ? selection.name.value : '(fragment)');
          }
          trace.operation = fields.size === 1 ? `${operation.operation} ${[...fields][0]}` : `${operation.operation} (multiple)`;
        },
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') continue;
            log.error({ err: error.originalError ?? error, reqId: traceOf(contextValue)?.id, path: error.path }, 'graphql operation failed');
          }
        },
      };
    },
  };
}
