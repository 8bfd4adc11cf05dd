/**
 * Which export's thumbhash an image field inlines (screens-and-media.md §2.5), and the size
 * it is chosen for (§2.4.1 step 1). Pure: the caller loads the exports and caches the answer.
 */
import { isJsonObject, type JsonObject } from '../json';
import type { Schema } from '../model';
import { resolveDynamicSize, type Size } from '../schema/references';

export interface ThumbhashCandidate {
  uid: string;
  width: number;
  height: number;
  /** `jpeg`, `png`, `webp` or `svg`. */
  format: string;
  thumbhash: string;
}

/** Byte order of the format names, largest first wins (`webp` > `svg` > `png` > `jpeg`). */
const compareBytes = (a: string, b: string): number => (a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b)));

/**
 * Negative when `a` ranks before `b` for target `t`: exact size, then aspect distance (float
 * division, the reference's SQL divided integers), then area distance, then the larger format
 * name, then the smaller uid.
 */
export function compareForTarget(a: ThumbhashCandidate, b: ThumbhashCandidate, t: Size): number {
  const exact = (e: ThumbhashCandidate) => (e.width === t.width && e.height === t.height ? 0 : 1);
  const aspect = (e: ThumbhashCandidate) =>
    Math.min(Math.abs(e.width / e.height - t.width / t.height), Math.abs(e.height / e.width - t.height / t.width));
  const area = (e: ThumbhashCandidate) => Math.abs(e.width * e.height - t.width * t.height);
  return (
    exact(a) - exact(b) ||
    aspect(a) - aspect(b) ||
    area(a) - area(b) ||
    compareBytes(b.format, a.format) ||
    compareBytes(a.uid, b.uid)
  );
}

/** The best export for `target` (exports without a positive size are ignored); null when there is none. */
export function bestExport<T extends ThumbhashCandidate>(exports: readonly T[], target: Size): T | null {
  let best: T | null = null;
  for (const e of exports) {
    if (!(e.width > 0 && e.height > 0)) continue;
    if (best === null || compareForTarget(e, best, target) < 0) best = e;
  }
  return best;
}

export function chooseThumbhash(exports: readonly ThumbhashCandidate[], target: Size): string | null {
  return bestExport(exports, target)?.thumbhash ?? null;
}

/** The contract key of the chosen thumbhash, locally and in Redis (stats-cache-jobs.md §7). */
export const thumbhashKey = (imageUid: string, target: Size): string => `thumbhashes:${imageUid}:${target.width}x${target.height}`;

export type ThumbhashTarget = { ok: true; size: Size; warning: string | null } | { ok: false; error: string };

const ONE_BY_ONE: Size = Object.freeze({ width: 1, height: 1 });

/**
 * §2.4.1 step 1: 1×1, replaced by a resolved `x-dynamic-size`, replaced by `x-thumbhash`. A
 * dynamic size that cannot be resolved keeps 1×1 with a warning (the reference failed the
 * request); an `x-thumbhash` that is not a positive size is an error (the checker refuses it).
 */
export function thumbhashTarget(node: Schema, root: { schema: Schema; input: JsonObject }): ThumbhashTarget {
  const fixed = node['x-thumbhash'];
  if (fixed !== undefined) {
    if (isJsonObject(fixed) && isPositiveInteger(fixed.width) && isPositiveInteger(fixed.height)) {
      return { ok: true, size: { width: fixed.width, height: fixed.height }, warning: null };
    }
    return { ok: false, error: 'x-thumbhash must be {"width": positive integer, "height": positive integer}' };
  }
  const dynamic = resolveDynamicSize(root, node);
  if (!dynamic.ok) return { ok: true, size: ONE_BY_ONE, warning: dynamic.error };
  return { ok: true, size: dynamic.size ?? ONE_BY_ONE, warning: null };
}

const isPositiveInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
