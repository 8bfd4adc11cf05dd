/**
 * Small constructors for schema nodes in the project's schema language
 * (screens-and-media.md §1.4). Every constructor returns a fresh object and fills `example`,
 * so shipped schemas satisfy the checker's "examples required" mode by construction.
 *
 * Convention: a property is optional exactly when its node carries a `default` (checker rules
 * 4 and 5 say the same thing from the other side), so `obj` derives `required` from that.
 */
import { cloneJson, type JsonObject, type JsonValue } from '../../domain/json';
import type { Schema } from '../../domain/model';

/** Annotations or constraints merged onto a node (`description`, `minimum`, an `example` override, ...). */
export type Extra = JsonObject;

/** Makes a property optional with the given default. */
export function optional(node: Schema, value: JsonValue): Schema {
  return { ...node, default: cloneJson(value) };
}

/** Makes a property optional, defaulting to its own example. */
export function defaulted(node: Schema): Schema {
  return optional(node, node.example);
}

export function nullable(node: Schema): Schema {
  return { ...node, nullable: true };
}

/** `T | null = null`: the usual shape of an optional field whose absence means "not shown". */
export function optionalNull(node: Schema): Schema {
  return optional(nullable(node), null);
}

export function str(example: string, extra: Extra = {}): Schema {
  return { type: 'string', example, ...extra };
}

/** A trigger slug (safe input, §1.4.2); the admin form offers a flow picker for it. */
export function flowSlug(example: string, extra: Extra = {}): Schema {
  return str(example, { format: 'flow_slug', ...extra });
}

export function stringEnum(values: string[], extra: Extra = {}): Schema {
  return { type: 'string', enum: [...values], example: values[0], ...extra };
}

export function int32(example: number, extra: Extra = {}): Schema {
  return { type: 'integer', format: 'int32', example, ...extra };
}

export function integer(example: number, extra: Extra = {}): Schema {
  return { type: 'integer', example, ...extra };
}

export function num(example: number, extra: Extra = {}): Schema {
  return { type: 'number', example, ...extra };
}

export function bool(example: boolean, extra: Extra = {}): Schema {
  return { type: 'boolean', example, ...extra };
}

/** An object without `properties`: the realizer copies it verbatim (free-form bags). */
export function freeObject(example: JsonObject = {}, extra: Extra = {}): Schema {
  return { type: 'object', example: cloneJson(example), ...extra };
}

export function arr(items: Schema, extra: Extra = {}): Schema {
  return { type: 'array', items, example: [cloneJson(items.example)], ...extra };
}

/** An object whose example is assembled from its properties' examples. */
export function obj(props: Record<string, Schema>, extra: Extra = {}): Schema {
  const required = Object.keys(props).filter((key) => !('default' in props[key]));
  const example: JsonObject = {};
  for (const [key, node] of Object.entries(props)) example[key] = cloneJson(node.example);
  return {
    type: 'object',
    // OAS 3.0 wants a non-empty `required` array, so omit it when nothing is required.
    ...(required.length > 0 ? { required } : {}),
    properties: { ...props },
    example,
    ...extra,
  };
}

/**
 * The only union form (§1.4.5): each branch gets the discriminator as a required single-value
 * string enum. Keys of `branches` are the discriminator values, in the order clients list them.
 */
export function union(
  discriminator: string,
  branches: Record<string, Record<string, Schema>>,
  extra: Extra = {},
): Schema {
  const oneOf = Object.entries(branches).map(([value, props]) =>
    obj({ [discriminator]: stringEnum([value]), ...props }),
  );
  return {
    type: 'object',
    'x-enum-discriminator': discriminator,
    oneOf,
    example: cloneJson(oneOf[0].example),
    ...extra,
  };
}
