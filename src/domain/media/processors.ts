/**
 * The processor registry (screens-and-media.md §3.2, §4 item 8): every upload job an admin may
 * start, its kind, the list it fills, its export targets and its limits. Upload validation and
 * list names derive from here. Pure data and functions; the pipelines live in src/media/.
 */

export type ProcessorKind = 'image' | 'content';

export interface Size {
  width: number;
  height: number;
}

/** One export target of an image processor. */
export interface ImageTarget extends Size {
  /** Required targets the source cannot cover fail the job; optional ones are skipped. */
  required: boolean;
  /** Encodings for this size: `raster` = png when the image has alpha else jpeg. */
  formats: readonly ('raster' | 'webp')[];
}

interface BaseProcessor {
  /**
   * The job name: the reference's `x-processor.job` (§3.2), kept for data compatibility and used
   * everywhere (screen schemas, upload `job`, queued jobs, docs).
   */
  id: string;
  kind: ProcessorKind;
  /** `x-processor.list` of fields it serves: the list slug, or for dynamic sizes the prefix before `@{w}x{h}`. */
  list: string;
  /** Bytes; larger uploads are refused at start. */
  maxFileSize: number;
  /** Set when the server cannot process for this list yet: uploads are refused with this reason. */
  unavailable?: string;
}

export interface ImageProcessor extends BaseProcessor {
  kind: 'image';
  /** `cover`: centre crop to each target's aspect; `exact`: resize only, aspects must match. */
  mode: 'cover' | 'exact';
  /** True: `dynamic_size` is required and names the list (`{slug}@{w}x{h}`). */
  acceptsDynamicSize: boolean;
  /** Fixed dynamic size (hold-to-continue), ignoring any given. */
  fixedDynamicSize?: Size;
  /** Largest `dynamic_size` accepted. */
  maxDynamicSize?: Size;
  listSlug(dynamicSize: Size | null): string;
  targets(dynamicSize: Size | null): ImageTarget[];
}

export interface ContentProcessor extends BaseProcessor {
  kind: 'content';
  media: 'audio' | 'video';
  listSlug(): string;
}

export type Processor = ImageProcessor | ContentProcessor;

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** §3.5.1 step 1. */
export const IMAGE_LIMITS = { maxWidth: 8192, maxHeight: 8192, maxArea: 4096 * 8192, maxFileSize: 512 * MiB, maxSvgSize: MiB } as const;
export const PIXEL_RATIOS_COVER = [1, 1.5, 2, 3] as const;
export const PIXEL_RATIOS_EXACT = [1, 1.5, 2, 2.5, 3] as const;

/** Every size at 1×, 1.5×, 2×, 3× (rounded), a required raster and an optional webp each. */
function scaledTargets(bases: readonly Size[]): ImageTarget[] {
  const out: ImageTarget[] = [];
  for (const base of bases) {
    for (const ratio of PIXEL_RATIOS_COVER) {
      out.push({ width: Math.round(base.width * ratio), height: Math.round(base.height * ratio), required: true, formats: ['raster', 'webp'] });
    }
  }
  return out;
}

/** The preview size of an exact-dynamic list (§3.5.3): longer side 200, when either side exceeds it. */
export function exactPreviewSize(size: Size): Size | null {
  if (size.width <= 200 && size.height <= 200) return null;
  const long = Math.max(size.width, size.height);
  const short = Math.min(size.width, size.height);
  const other = Math.floor((200 * short) / long);
  return size.width >= size.height ? { width: 200, height: other } : { width: other, height: 200 };
}

/** §3.5.3: every pixel ratio of `size` (must be integral, else the processor fails) plus the preview. */
export function exactTargets(size: Size): ImageTarget[] {
  const out: ImageTarget[] = PIXEL_RATIOS_EXACT.map((r) => ({ width: size.width * r, height: size.height * r, required: true, formats: ['raster', 'webp'] as const }));
  const preview = exactPreviewSize(size);
  if (preview !== null) out.push({ ...preview, required: true, formats: ['raster', 'webp'] });
  return out;
}

function coverProcessor(id: string, slug: string, bases: Size[], unavailable?: string): ImageProcessor {
  return {
    id, kind: 'image', mode: 'cover', list: slug, maxFileSize: IMAGE_LIMITS.maxFileSize, acceptsDynamicSize: false, unavailable,
    listSlug: () => slug,
    targets: () => scaledTargets(bases),
  };
}

const EXACT_DYNAMIC = 'exact_dynamic';
const sizedList = (prefix: string, size: Size) => `${prefix}@${size.width}x${size.height}`;

function exactProcessor(id: string, fixed?: Size): ImageProcessor {
  return {
    id, kind: 'image', mode: 'exact', maxFileSize: IMAGE_LIMITS.maxFileSize, acceptsDynamicSize: fixed === undefined,
    list: fixed === undefined ? EXACT_DYNAMIC : sizedList(EXACT_DYNAMIC, fixed),
    fixedDynamicSize: fixed, maxDynamicSize: { width: 342, height: 400 },
    listSlug: (size) => sizedList(EXACT_DYNAMIC, fixed ?? size!),
    targets: (size) => exactTargets(fixed ?? size!),
  };
}

function contentProcessor(id: string, media: 'audio' | 'video'): ContentProcessor {
  const slug = `${media}_interstitial`;
  return { id, kind: 'content', media, list: slug, maxFileSize: 4 * GiB, listSlug: () => slug };
}

/** Their targets are the iOS device full-screen sizes (§3.2), which are not tabulated here yet. */
const DEVICE_TABLE_MISSING = 'its export sizes (the iOS device table) are not implemented yet';

/**
 * Every processor of the spec's table (§3.2), under the spec's job names. `fullscreen_background`
 * and `upgrade` are listed (screen schemas name them) but `unavailable`: their uploads are
 * refused with 422 rather than processed with the wrong sizes.
 */
export const PROCESSORS: readonly Processor[] = Object.freeze([
  coverProcessor('runners.screens.image_interstitial_process_image', 'image_interstitial', [{ width: 342, height: 215 }]),
  coverProcessor('runners.screens.large_image_interstitial_process_image', 'large_image_interstitial', [
    { width: 342, height: 237 }, { width: 342, height: 314 }, { width: 342, height: 390 },
  ]),
  coverProcessor('runners.screens.process_fullscreen_background_image', 'fullscreen_background', [], DEVICE_TABLE_MISSING),
  coverProcessor('runners.screens.upgrade_process_image', 'upgrade', [], DEVICE_TABLE_MISSING),
  exactProcessor('runners.screens.exact_dynamic_process_image'),
  exactProcessor('runners.screens.hold_to_continue_process_image', { width: 200, height: 200 }),
  contentProcessor('runners.screens.audio_interstitial_process_audio', 'audio'),
  contentProcessor('runners.screens.video_interstitial_process_video', 'video'),
]);

export function findProcessor(id: string): Processor | undefined {
  return PROCESSORS.find((p) => p.id === id);
}

/** The processor whose `x-processor.list` is `list` (what a screen field names as its `job`). */
export function processorForList(list: string): Processor | undefined {
  return PROCESSORS.find((p) => p.list === list);
}

/** The schema checker's `x-processor` rule (§1.5 rule 9): `job` is registered and fills `list`. */
export function processorMatches(job: string, list: string): boolean {
  return findProcessor(job)?.list === list;
}

/** One 422 detail (the reference framework's shape). */
export interface UploadIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export interface UploadRequest {
  processor: Processor;
  fileSize: number;
  /** As the processor will use it (fixed sizes applied); null when it takes none. */
  dynamicSize: Size | null;
}

export type UploadRequestCheck =
  | { ok: true; value: UploadRequest }
  | { ok: false; status: 413 | 422; issues: UploadIssue[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/**
 * Checks a start-upload body `{job, file_size, dynamic_size?}` for a processor of `kind`
 * (§3.3.1-§3.3.2, with the reference gaps closed): registered job of that kind, positive
 * integer size within the processor's maximum (413 above it), `dynamic_size` required iff the
 * processor accepts one, positive even integers within its maxima.
 */
export function checkUploadRequest(kind: ProcessorKind, body: Record<string, unknown>): UploadRequestCheck {
  const issues: UploadIssue[] = [];
  const processor = typeof body.job === 'string' ? findProcessor(body.job) : undefined;
  if (typeof body.job !== 'string') issues.push({ loc: ['body', 'job'], msg: 'field required (a string)', type: 'value_error.missing' });
  else if (processor === undefined || processor.kind !== kind) {
    issues.push({ loc: ['body', 'job'], msg: `not a registered ${kind} processor: ${JSON.stringify(body.job)}`, type: 'value_error.job' });
  }
  const fileSize = body.file_size;
  if (!isPositiveInt(fileSize)) issues.push({ loc: ['body', 'file_size'], msg: 'must be a positive integer', type: 'value_error.file_size' });

  let dynamicSize: Size | null = null;
  const given = body.dynamic_size;
  if (processor?.kind === 'image' && processor.acceptsDynamicSize) {
    if (!isObject(given) || !isPositiveInt(given.width) || !isPositiveInt(given.height)) {
      issues.push({ loc: ['body', 'dynamic_size'], msg: 'required for this job: {width, height} as positive integers', type: 'value_error.dynamic_size' });
    } else {
      const max = processor.maxDynamicSize!;
      if (given.width % 2 !== 0 || given.height % 2 !== 0) {
        issues.push({ loc: ['body', 'dynamic_size'], msg: 'width and height must be even', type: 'value_error.dynamic_size' });
      } else if (given.width > max.width || given.height > max.height) {
        issues.push({ loc: ['body', 'dynamic_size'], msg: `at most ${max.width}x${max.height}`, type: 'value_error.dynamic_size' });
      } else dynamicSize = { width: given.width, height: given.height };
    }
  } else if (given !== undefined && given !== null && processor !== undefined) {
    issues.push({ loc: ['body', 'dynamic_size'], msg: 'this job takes no dynamic_size', type: 'value_error.dynamic_size' });
  }
  if (processor?.kind === kind && processor.unavailable !== undefined) {
    issues.push({ loc: ['body', 'job'], msg: `${processor.id} cannot take uploads yet: ${processor.unavailable}`, type: 'value_error.job' });
  }
  if (processor?.kind === 'image' && processor.fixedDynamicSize) dynamicSize = processor.fixedDynamicSize;
  if (issues.length > 0) return { ok: false, status: 422, issues };
  if ((fileSize as number) > processor!.maxFileSize) {
    return { ok: false, status: 413, issues: [{ loc: ['body', 'file_size'], msg: `at most ${processor!.maxFileSize} bytes for this job`, type: 'value_error.file_size' }] };
  }
  return { ok: true, value: { processor: processor!, fileSize: fileSize as number, dynamicSize } };
}
