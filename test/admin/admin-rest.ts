import type { TestServer } from '../support/server';

/** Admin REST calls for the admin end-to-end tests. */
export interface RestAnswer {
  status: number;
  contentType: string | null;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
}

export async function postJson(server: TestServer, path: string, body: unknown, authorization?: string, raw?: string): Promise<RestAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: raw ?? JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: text.length > 0 ? JSON.parse(text) : null };
}

export const NOT_SET = { type: 'not_set', message: 'authorization header not set', markdown: 'authorization header not set' };
export const BAD_FORMAT = {
  type: 'bad_format',
  message: "authorization header should start with 'bearer '",
  markdown: "authorization header should start with 'bearer '",
};
export const INVALID = { type: 'invalid', message: 'token is invalid', markdown: 'token is invalid' };

/** Any method (PATCH, DELETE, …) with an optional JSON body. */
export async function requestJson(server: TestServer, method: string, path: string, body: unknown, authorization?: string): Promise<RestAnswer> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (authorization !== undefined) headers.authorization = authorization;
  const response = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: text.length > 0 ? JSON.parse(text) : null };
}
