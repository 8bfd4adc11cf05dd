import { cloneJson, type JsonObject, type JsonValue } from './json';
import type { FlowScreen, PathStep, ScreenVariable } from './model';
import { readPath, writePath } from './schema/paths';
import { parseStringFormat, renderStringFormat } from './string-format';

/**
 * Producing a flow screen's input from its stored parts (queue-engine.md §4.2,
 * screens-and-media.md §2.2): used at realization and by the materialization input check.
 */

export interface InputRoots {
  client: JsonObject;
  server: JsonObject;
  standard: JsonObject;
}

export type ProducedInput = { ok: true; value: JsonObject } | { ok: false; error: string };

type Produced = { ok: true; value: JsonValue } | { ok: false; error: string };

const INPUT_ROOTS: readonly PathStep[] = ['client', 'server', 'standard'];

/**
 * A deep copy of `fixed` with every `variable` entry applied in order (later entries overwrite
 * earlier ones and `fixed`). Any value that cannot be produced is an `{ok: false}` result.
 */
export function produceScreenInput(screen: FlowScreen['screen'], roots: InputRoots): ProducedInput {
  const input = cloneJson(screen.fixed);
  for (const [i, variable] of screen.variable.entries()) {
    const value = variableValue(variable, roots);
    // Copies, so a later write into the output never reaches the caller's parameters.
    const written = value.ok ? writePath(input, variable.output_path, cloneJson(value.value)) : value;
    if (!written.ok) return { ok: false, error: `variable[${i}] (${variable.type}): ${written.error}` };
  }
  return { ok: true, value: input };
}

function variableValue(variable: ScreenVariable, roots: InputRoots): Produced {
  switch (variable.type) {
    case 'copy':
      if (!INPUT_ROOTS.includes(variable.input_path[0])) {
        return { ok: false, error: 'input_path must start with client, server or standard' };
      }
      return readPath(rootObject(roots), variable.input_path);
    case 'string_format': {
      const parsed = parseStringFormat(variable.format);
      return parsed.ok ? renderStringFormat(parsed.parts, roots) : parsed;
    }
    case 'extract':
      // Trigger time stored the extracted value where the output path says (§4.1 item 2).
      return readPath(rootObject(roots), ['server', '__extracted', ...variable.output_path]);
  }
}

/** The object input paths are read from: `{client, server, standard}`. */
const rootObject = ({ client, server, standard }: InputRoots): JsonObject => ({ client, server, standard });

/**
 * The standard-parameter paths (without the leading `standard`) a flow screen reads, through
 * `copy` inputs and `string_format` placeholders, without duplicates. Placeholder keys are
 * their raw text (standard parameters are objects all the way down). Unparsable formats read
 * nothing; producing the input reports them.
 */
export function standardPathsOf(screen: FlowScreen['screen']): PathStep[][] {
  const found = new Map<string, PathStep[]>();
  const add = (path: PathStep[]) => found.set(JSON.stringify(path), path);
  for (const variable of screen.variable) {
    if (variable.type === 'copy' && variable.input_path[0] === 'standard') add(variable.input_path.slice(1));
    if (variable.type !== 'string_format') continue;
    const parsed = parseStringFormat(variable.format);
    if (!parsed.ok) continue;
    for (const part of parsed.parts) {
      if (part.kind === 'field' && part.root === 'standard') add([...part.path]);
    }
  }
  return [...found.values()];
}
