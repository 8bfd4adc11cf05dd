import type { PathStep } from '../model';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `base.key`, or `base["odd key"]` when the key is not an identifier (keeps paths unambiguous). */
export function keyPath(base: string, key: string): string {
  return IDENTIFIER.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

/** `base[3]`; `base[*]` stands for "every item" in schema paths. */
export function indexPath(base: string, index: number | '*'): string {
  return `${base}[${index}]`;
}

/** A value path as shown to people: `$.a[0].b`. */
export function formatPath(steps: readonly PathStep[]): string {
  return steps.reduce<string>((at, step) => (typeof step === 'number' ? indexPath(at, step) : keyPath(at, step)), '$');
}
