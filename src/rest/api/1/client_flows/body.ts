import type { ShapeIssue } from '../../../../domain/flow-validation';
import { isJsonObject, isStorableJson, type JsonObject } from '../../../../domain/json';

/** Small readers for the test tools' bodies; each records a 422 detail entry and returns null on error. */

export function requiredObject(raw: JsonObject, key: string, loc: (string | number)[], issues: ShapeIssue[]): JsonObject | null {
  const at = [...loc, key];
  if (!Object.hasOwn(raw, key)) issues.push({ loc: at, msg: 'field required', type: 'value_error.missing' });
  else if (!isJsonObject(raw[key])) issues.push({ loc: at, msg: 'value is not a valid dict', type: 'type_error.dict' });
  else if (!isStorableJson(raw[key])) issues.push({ loc: at, msg: 'cannot be stored (U+0000, an unpaired surrogate or nesting too deep)', type: 'value_error.json' });
  else return raw[key] as JsonObject;
  return null;
}

/** `dry_run`: optional, default false. */
export function dryRunOf(raw: JsonObject, issues: ShapeIssue[]): boolean {
  const value = raw.dry_run ?? false;
  if (typeof value === 'boolean') return value;
  issues.push({ loc: ['body', 'dry_run'], msg: 'value could not be parsed to a boolean', type: 'type_error.bool' });
  return false;
}
