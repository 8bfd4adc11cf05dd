import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../services/app-context';

export interface RestRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Path parameters such as `{uid}`. */
  params: Record<string, string>;
  app: AppContext;
}

export type RestHandler = (request: RestRequest) => Promise<void>;

export interface RestRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Exact path; `{name}` matches one non-empty segment. A trailing slash is optional on match. */
  path: string;
  handler: RestHandler;
}

export type RouteMatch =
  | { kind: 'found'; handler: RestHandler; params: Record<string, string>; route: string }
  | { kind: 'method_not_allowed' }
  | { kind: 'not_found' };

function segments(path: string): string[] {
  return path.replace(/\/+$/, '').split('/');
}

/**
 * Matches both spellings of a path (with and without the trailing slash) directly, never with
 * a redirect (rest-wire-contract.md §1.1).
 */
export class Router {
  private readonly routes: { method: string; parts: string[]; handler: RestHandler; route: string }[] = [];

  constructor(routes: readonly RestRoute[]) {
    for (const route of routes) {
      this.routes.push({ method: route.method, parts: segments(route.path), handler: route.handler, route: `${route.method} ${route.path}` });
    }
  }

  match(method: string, pathname: string): RouteMatch {
    const parts = segments(pathname);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchParts(route.parts, parts);
      if (params === null) continue;
      pathMatched = true;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
        return { kind: 'found', handler: route.handler, params, route: route.route };
      }
    }
    return pathMatched ? { kind: 'method_not_allowed' } : { kind: 'not_found' };
  }
}

function matchParts(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p.startsWith('{') && p.endsWith('}')) {
      if (actual[i] === '') return null;
      try {
        params[p.slice(1, -1)] = decodeURIComponent(actual[i]);
      } catch {
        return null;
      }
    } else if (p !== actual[i]) {
      return null;
    }
  }
  return params;
}
