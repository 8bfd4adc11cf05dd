import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { GraphQLLimits } from '../config/config';

export type LimitReason = 'too_deep' | 'too_many_aliases' | 'too_costly';

/** Arguments naming how many items a list field returns (connections, searches). */
const PAGE_SIZE_ARGUMENTS = ['first', 'last', 'limit'] as const;

/**
 * 1 per field; a field's children count once per item its page-size argument asks for (absent:
 * once), so `first: 100` on a connection costs a hundred of its nodes.
 */
export const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const page = PAGE_SIZE_ARGUMENTS.map((name) => args[name]).find((value) => typeof value === 'number' && value > 0) as number | undefined;
  return 1 + childComplexity * (page ?? 1);
};

/** Introspection has its own switch (`GRAPHQL_INTROSPECTION`); its fixed query nests deeply. */
function isIntrospectionField(name: string): boolean {
  return name.startsWith('__');
}

interface Walk {
  fragments: Map<string, FragmentDefinitionNode>;
  aliases: number;
}

/** Deepest field nesting below `selectionSet`, with fragments expanded; counts aliases on the way. */
function depthOf(selectionSet: SelectionSetNode, walk: Walk, visiting: Set<string>): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // Aliases count everywhere: a thousand aliased `__typename` cost as much as any field.
      if (selection.alias !== undefined) walk.aliases++;
      if (isIntrospectionField(selection.name.value)) continue;
      const below = selection.selectionSet === undefined ? 0 : depthOf(selection.selectionSet, walk, visiting);
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, walk, visiting));
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      // Unknown or cyclic spreads are validation errors reported elsewhere.
      if (fragment === undefined || visiting.has(name)) continue;
      visiting.add(name);
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, walk, visiting));
      visiting.delete(name);
    }
  }
  return deepest;
}

function limitError(reason: LimitReason, message: string, limit: number, actual: number): GraphQLError {
  return new GraphQLError(message, {
    // Apollo turns extensions.http into the response status and strips it from the body.
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason, limit, actual, http: { status: 400 } },
  });
}

/**
 * The operation limits (depth, aliases, cost) of one validated operation, as errors; empty when
 * it may run. A limit of 0 is off. Variables that do not coerce leave the cost to execution,
 * which reports them.
 */
export function operationLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: GraphQLLimits,
): GraphQLError[] {
  const walk: Walk = { fragments: new Map(), aliases: 0 };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) walk.fragments.set(definition.name.value, definition);
  }
  const depth = depthOf(operation.selectionSet, walk, new Set());
  if (limits.maxDepth > 0 && depth > limits.maxDepth) {
    return [limitError('too_deep', `operation nests ${depth} levels deep; the limit is ${limits.maxDepth}`, limits.maxDepth, depth)];
  }
  if (limits.maxAliases > 0 && walk.aliases > limits.maxAliases) {
    return [limitError('too_many_aliases', `operation uses ${walk.aliases} aliases; the limit is ${limits.maxAliases}`, limits.maxAliases, walk.aliases)];
  }
  if (limits.maxCost > 0) {
    let cost: number;
    try {
      cost = getComplexity({
        schema,
        query: document,
        operationName: operation.name?.value,
        variables: variables ?? {},
        estimators: [
          // An introspection subtree costs nothing here: it is on or off as a whole.
          ({ field }) => (isIntrospectionField(field.name) ? 0 : undefined),
          pageSizeEstimator,
        ],
      });
    } catch {
      return [];
    }
    if (cost > limits.maxCost) {
      return [limitError('too_costly', `operation costs ${cost}; the limit is ${limits.maxCost}`, limits.maxCost, cost)];
    }
  }
  return [];
}

/** Checks every HTTP operation once it is parsed, validated and chosen, before it runs. */
export function operationLimitsPlugin<T extends object>(schema: GraphQLSchema, limits: GraphQLLimits): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (operation === undefined) return;
          const [error] = operationLimitErrors(schema, document, operation, request.variables, limits);
          if (error !== undefined) throw error;
        },
      };
    },
  };
}
