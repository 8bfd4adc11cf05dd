/**
 * Pure parts of the image pipeline (screens-and-media.md §3.5.1, §3.5.3): sanity limits, encoder
 * settings by area, the centre cover crop, which targets a source can cover, and the SVG raster
 * size. src/media/image-processor.ts applies them with sharp.
 */
import { IMAGE_LIMITS, type ImageTarget, type Size } from './processors';

export type ExportFormat = 'jpeg' | 'png' | 'webp';

/** Encoder settings; keys sorted, as stored in `quality_settings`. */
export type QualitySettings =
  | { optimize: true; progressive: true; quality: number } // jpeg
  | { optimize: true } // png
  | { lossless: boolean; method: number; quality: number }; // webp

/**
 * §3.5.1 step 3: by area below 500², below 750², otherwise. One deliberate deviation: lossless
 * webp uses quality 90, not 100. In libwebp's lossless mode "quality" is only compression effort
 * (the pixels are identical), and 100 with method 6 is its exhaustive search: about 20 s for one
 * 200×200 export on a loaded 2-core machine against 0.5 s, for files within 1% of the size.
 */
export function qualityFor(format: ExportFormat, size: Size): QualitySettings {
  const area = size.width * size.height;
  const band = area < 500 * 500 ? 0 : area < 750 * 750 ? 1 : 2;
  if (format === 'jpeg') return { optimize: true, progressive: true, quality: [95, 90, 85][band] };
  if (format === 'png') return { optimize: true };
  return band === 0 ? { lossless: true, method: 6, quality: 90 } : { lossless: false, method: 4, quality: band === 1 ? 95 : 90 };
}

/** Null when within §3.5.1 step 1's limits, else a readable reason. */
export function checkSourceLimits(size: Size, fileSize: number): string | null {
  if (fileSize > IMAGE_LIMITS.maxFileSize) return `file is too large (${fileSize} bytes; at most ${IMAGE_LIMITS.maxFileSize})`;
  if (size.width > IMAGE_LIMITS.maxWidth || size.height > IMAGE_LIMITS.maxHeight || size.width * size.height > IMAGE_LIMITS.maxArea) {
    return `image is too large (${size.width}x${size.height}; at most ${IMAGE_LIMITS.maxWidth}x${IMAGE_LIMITS.maxHeight} and ${IMAGE_LIMITS.maxArea} pixels)`;
  }
  if (size.width < 1 || size.height < 1) return 'image has no pixels';
  return null;
}

export interface Crop {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * §3.5.1 step 7: the minimal crop of `source` to `target`'s aspect ratio around the centre, split
 * evenly with the odd pixel on the right/bottom (floor on the top/left side).
 */
export function coverCrop(source: Size, target: Size): Crop {
  // Compare aspects exactly in integers: source_w/source_h vs target_w/target_h.
  const lhs = source.width * target.height;
  const rhs = target.width * source.height;
  if (lhs === rhs) return { left: 0, right: 0, top: 0, bottom: 0 };
  if (lhs > rhs) {
    const keep = Math.round((source.height * target.width) / target.height);
    const cut = source.width - keep;
    const left = Math.floor(cut / 2);
    return { left, right: cut - left, top: 0, bottom: 0 };
  }
  const keep = Math.round((source.width * target.height) / target.width);
  const cut = source.height - keep;
  const top = Math.floor(cut / 2);
  return { left: 0, right: 0, top, bottom: cut - top };
}

export type TargetPlan = { ok: true; targets: ImageTarget[] } | { ok: false; reason: string };

/** §3.5.1 step 5: required targets larger than the source fail; optional ones are dropped. */
export function coverTargets(source: Size, targets: readonly ImageTarget[]): TargetPlan {
  const fits = (t: Size) => t.width <= source.width && t.height <= source.height;
  const missing = targets.filter((t) => t.required && !fits(t));
  if (missing.length > 0) {
    const need = { width: Math.max(...targets.map((t) => t.width)), height: Math.max(...targets.map((t) => t.height)) };
    return { ok: false, reason: `image is too small: ${source.width}x${source.height}, this list needs at least ${need.width}x${need.height}` };
  }
  return { ok: true, targets: targets.filter(fits) };
}

/**
 * §3.5.3: every target integral, inside the source, and exactly the source's aspect (never
 * cropped): in practice an exact multiple ≥ 3× of the logical size.
 */
export function exactTargetsFor(source: Size, logical: Size, targets: readonly ImageTarget[]): TargetPlan {
  for (const t of targets) {
    if (!Number.isInteger(t.width) || !Number.isInteger(t.height)) return { ok: false, reason: `target ${t.width}x${t.height} is not integral` };
    if (t.width > source.width || t.height > source.height) {
      return { ok: false, reason: `image is too small: ${source.width}x${source.height}, needs at least ${logical.width * 3}x${logical.height * 3}` };
    }
  }
  // The preview size is floored, so only the pixel-ratio targets define the exact aspect.
  if (source.width * logical.height !== logical.width * source.height) {
    return { ok: false, reason: `image is ${source.width}x${source.height}: its aspect ratio must be exactly ${logical.width}:${logical.height}` };
  }
  return { ok: true, targets: [...targets] };
}

/**
 * §3.5.1 step 4: the smallest size with the SVG's natural aspect that covers every target, so
 * one rasterization serves all of them.
 */
export function svgRasterSize(natural: Size, targets: readonly Size[]): Size {
  let scale = 0;
  for (const t of targets) scale = Math.max(scale, t.width / natural.width, t.height / natural.height);
  return { width: Math.ceil(natural.width * scale), height: Math.ceil(natural.height * scale) };
}

/** Sorted-key JSON-ready copy (quality settings are stored with sorted keys). */
export function sortedKeys<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}
