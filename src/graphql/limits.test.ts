import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationLimitErrors } from './limits';

const schema = buildSchema(`
  type Query { node: Node, nodes(first: Int, limit: Int = 10): [Node!]! }
  type Node { id: ID!, child: Node, children(first: Int): [Node!]! }
`);

function check(query: string, limits: { maxDepth?: number; maxAliases?: number; maxCost?: number }, variables?: Record<string, unknown>) {
  const document = parse(query);
  const errors = operationLimitErrors(schema, document, getOperationAST(document)!, variables, { maxDepth: 0, maxAliases: 0, maxCost: 0, ...limits });
  return errors.map((error) => ({ reason: error.extensions.reason, actual: error.extensions.actual }));
}

describe('operationLimitErrors', () => {
  it('measures depth through inline fragments and named fragments, not introspection', () => {
    expect(check('{ node { child { id } } }', { maxDepth: 3 })).toEqual([]);
    expect(check('{ node { ... on Node { child { child { id } } } } }', { maxDepth: 3 })).toEqual([{ reason: 'too_deep', actual: 4 }]);
    expect(check('{ node { ...F } } fragment F on Node { child { child { id } } }', { maxDepth: 3 })).toEqual([{ reason: 'too_deep', actual: 4 }]);
    expect(check('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }', { maxDepth: 2 })).toEqual([]);
  });

  it('counts aliases once per use of the fragment that holds them', () => {
    expect(check('{ a: node { ...F } b: node { ...F } } fragment F on Node { x: id }', { maxAliases: 3 })).toEqual([{ reason: 'too_many_aliases', actual: 4 }]);
  });

  it('multiplies children by page-size arguments, defaults and variables included', () => {
    // nodes(limit: 10 by default): 1 + 10 × (id 1 + children(first: 5): 1 + 5 × id 1)
    expect(check('{ nodes { id children(first: 5) { id } } }', { maxCost: 1 })).toEqual([{ reason: 'too_costly', actual: 71 }]);
    expect(check('query($n: Int) { nodes(first: $n) { id } }', { maxCost: 1 }, { n: 3 })).toEqual([{ reason: 'too_costly', actual: 4 }]);
  });

  it('leaves variables that do not coerce to execution, and 0 turns a limit off', () => {
    expect(check('query($n: Int) { nodes(first: $n) { id } }', { maxCost: 1 }, { n: 'many' })).toEqual([]);
    expect(check('{ a: node { b: child { c: child { d: id } } } }', {})).toEqual([]);
  });
});
