import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';

/** Any JSON value (flow parameters, trace events). */
export const JSONScalar = GraphQLJSON;
/** A JSON object (realized screen parameters: shapes differ per screen). */
export const JSONObjectScalar = GraphQLJSONObject;

/** A path element: a property name (String) or an array index (Int), admin-api.md §15.2. */
export const PathSegmentScalar = new GraphQLScalarType<string | number, string | number>({
  name: 'PathSegment',
  description: 'A path element: a property name (String) or an array index (Int).',
  serialize: (value) => {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) return value;
    throw new TypeError('PathSegment must be a string or an integer');
  },
  parseValue: (value) => {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value))) return value;
    throw new TypeError('PathSegment must be a string or an integer');
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return ast.value;
    if (ast.kind === Kind.INT && Number.isSafeInteger(Number(ast.value))) return Number(ast.value);
    throw new TypeError('PathSegment must be a string or an integer');
  },
});
