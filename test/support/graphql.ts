import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';

export interface GraphQLResult<T> {
  status: number;
  data: T | null | undefined;
  errors: GraphQLFormattedError[] | undefined;
}

/** Runs a codegen'd typed operation over real HTTP. */
export async function graphql<TResult, TVariables>(
  baseUrl: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: { authorization?: string; visitor?: string } = {},
): Promise<GraphQLResult<TResult>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  if (options.visitor !== undefined) headers.visitor = options.visitor;
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TResult | null; errors?: GraphQLFormattedError[] };
  return { status: response.status, data: body.data, errors: body.errors };
}

/** `extensions.code` of the first error, for assertions. */
export function errorCode(result: GraphQLResult<unknown>): unknown {
  return result.errors?.[0]?.extensions?.code;
}
