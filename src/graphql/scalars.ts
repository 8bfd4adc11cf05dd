import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';

/** Any JSON value (flow parameters, trace events). */
export const JSONScalar = GraphQLJSON;
/** A JSON object (realized screen parameters: shapes differ per screen). */
export const JSONObjectScalar = GraphQLJSONObject;
