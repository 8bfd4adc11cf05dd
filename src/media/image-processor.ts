import type Sharp from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import { upsertStoredFile } from '../db/repositories/media-upload.repository';
import {
  exportKey, findImageBySha, insertImageExport, insertImageFile, registerInList, type NewImageExport,
} from '../db/repositories/media-assets.repository';
import {
  checkSourceLimits, coverCrop, coverTargets, exactTargetsFor, qualityFor, sortedKeys, svgRasterSize, type Crop, type ExportFormat,
} from '../domain/media/image-plan';
import { IMAGE_LIMITS, type ImageProcessor, type Size } from '../domain/media/processors';
import { newUid } from '../lib/ids';
import type { AppContext } from '../services/app-context';
import { inTransaction } from '../services/transaction';
import { storeOriginal, type ProcessingInput, type ProcessingOutcome } from './processing';

/**
 * The image pipeline (screens-and-media.md §3.5.1, §3.5.3, §3.7) with sharp: decode (refusing
 * truncated input), sanity limits, alpha from the decoded image, targets, dedupe by sha512, cover
 * crop or exact resize with Lanczos, the quality table, thumbhashes, then one transaction that
 * registers everything. Bytes are written before the transaction and removed if it fails, so a
 * failed job leaves no half-registered asset.
 */

let sharpModule: Promise<typeof Sharp> | undefined;

/** sharp (libvips: about 20 MiB resident) loads with the first image, not with every server process. */
function loadSharp(): Promise<typeof Sharp> {
  return (sharpModule ??= import('sharp').then((module) => module.default));
}

const NO_CROP: Crop = { left: 0, right: 0, top: 0, bottom: 0 };
const CONTENT_TYPES: Record<ExportFormat | 'svg', string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', svg: 'image/svg+xml' };

/** Looks like SVG text: an `<svg` element near the start, after any XML prolog or comments. */
export function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096).toString('utf8').trimStart();
  return (head.startsWith('<') && /<svg[\s>]/i.test(head));
}

/** base64url of the ThumbHash with `=` padding (§2.5), from encoded image bytes fit into 100×100. */
export async function thumbhashOf(encoded: Buffer): Promise<string> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(encoded).resize(100, 100, { fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const hash = rgbaToThumbHash(info.width, info.height, data);
  return Buffer.from(hash).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

interface Source {
  /** What sharp decodes (the SVG text, or the raster file). */
  input: Buffer;
  size: Size;
  alpha: boolean;
  svg: boolean;
  /** Input options for sharp (SVG density, truncation refusal). */
  options: Sharp.SharpOptions;
}

type SourceRead = { ok: true; source: Source } | { ok: false; reason: string };

async function readSource(bytes: Buffer, processor: ImageProcessor, targets: readonly Size[]): Promise<SourceRead> {
  const svg = looksLikeSvg(bytes);
  if (svg && bytes.length > IMAGE_LIMITS.maxSvgSize) return { ok: false, reason: `SVG is too large (${bytes.length} bytes; at most ${IMAGE_LIMITS.maxSvgSize})` };
  const sharp = await loadSharp();
  let meta: Sharp.Metadata;
  try {
    meta = await sharp(bytes, { failOn: 'truncated' }).metadata();
  } catch (error) {
    return { ok: false, reason: `not a readable image: ${(error as Error).message}` };
  }
  if (!meta.width || !meta.height) return { ok: false, reason: 'not a readable image: no dimensions' };
  const natural = { width: meta.width, height: meta.height };
  const limit = checkSourceLimits(natural, bytes.length);
  if (limit !== null) return { ok: false, reason: limit };
  if (svg) {
    // Rasterize once at the smallest size covering every target, keeping the SVG's aspect (§3.5.1 step 4).
    const size = processor.mode === 'exact' ? natural : svgRasterSize(natural, targets);
    const density = Math.min(100_000, (72 * size.width) / natural.width);
    return { ok: true, source: { input: bytes, size, alpha: true, svg, options: { density, failOn: 'truncated' } } };
  }
  // Decode fully now: a truncated or corrupt file fails here with a readable reason, before any export.
  try {
    const { info } = await sharp(bytes, { failOn: 'truncated' }).raw().toBuffer({ resolveWithObject: true });
    return { ok: true, source: { input: bytes, size: natural, alpha: info.channels === 4 || info.channels === 2, svg, options: { failOn: 'truncated' } } };
  } catch (error) {
    return { ok: false, reason: `image could not be decoded (truncated or corrupt): ${(error as Error).message}` };
  }
}

async function encode(source: Source, format: ExportFormat, target: Size, crop: Crop): Promise<{ bytes: Buffer; quality: Record<string, unknown> }> {
  const sharp = await loadSharp();
  let pipeline = sharp(source.input, source.options);
  if (source.svg) pipeline = pipeline.resize(source.size.width, source.size.height, { fit: 'fill' });
  const cropped = crop.left + crop.right + crop.top + crop.bottom > 0;
  if (cropped) {
    // A resized SVG must be materialized before extracting from its raster size.
    if (source.svg) pipeline = sharp(await pipeline.png().toBuffer());
    pipeline = pipeline.extract({
      left: crop.left, top: crop.top,
      width: source.size.width - crop.left - crop.right, height: source.size.height - crop.top - crop.bottom,
    });
  }
  pipeline = pipeline.resize(target.width, target.height, { fit: 'fill', kernel: 'lanczos3' });
  const quality = sortedKeys(qualityFor(format, target)) as Record<string, unknown>;
  if (format === 'jpeg') pipeline = pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: quality.quality as number, progressive: true, optimizeCoding: true });
  else if (format === 'png') pipeline = pipeline.png({ compressionLevel: 9, adaptiveFiltering: true });
  else pipeline = pipeline.webp({ quality: quality.quality as number, lossless: quality.lossless as boolean, effort: quality.method as number });
  return { bytes: await pipeline.toBuffer(), quality };
}

export async function processImage(app: AppContext, processor: ImageProcessor, input: ProcessingInput): Promise<ProcessingOutcome> {
  const dynamicSize = (input.dynamicSize ?? processor.fixedDynamicSize ?? null) as Size | null;
  if (processor.acceptsDynamicSize && dynamicSize === null) return { ok: false, reason: 'this list needs a dynamic size' };
  const allTargets = processor.targets(dynamicSize);
  const read = await readSource(input.bytes, processor, allTargets);
  if (!read.ok) return read;
  const source = read.source;
  const plan = processor.mode === 'cover' ? coverTargets(source.size, allTargets) : exactTargetsFor(source.size, dynamicSize!, allTargets);
  if (!plan.ok) return plan;

  const existing = await inTransaction(app.db, ({ sql }) => findImageBySha(sql, input.sha512));
  const imageUid = existing?.uid ?? newUid('if');
  const written: string[] = [];
  const newExports: (NewImageExport & { key: string; size: number; contentType: string })[] = [];
  const store = async (bytes: Buffer, format: ExportFormat | 'svg', size: Size, crop: Crop, quality: Record<string, unknown>, thumbhash: string) => {
    const uid = newUid('ife');
    const key = `s3_files/images/${imageUid}/${uid}.${format}`;
    written.push(key);
    await app.files.put(key, bytes, CONTENT_TYPES[format]);
    newExports.push({ uid, key, size: bytes.length, contentType: CONTENT_TYPES[format], storedFileId: '', width: size.width, height: size.height, crop, format, qualitySettings: quality as never, thumbhash });
  };
  try {
    for (const target of plan.targets) {
      const crop = processor.mode === 'cover' ? coverCrop(source.size, target) : NO_CROP;
      for (const kind of target.formats) {
        const format: ExportFormat = kind === 'webp' ? 'webp' : source.alpha ? 'png' : 'jpeg';
        if (existing?.exports.has(exportKey(format, target.width, target.height))) continue;
        const encoded = await encode(source, format, target, crop);
        await store(encoded.bytes, format, target, crop, encoded.quality, await thumbhashOf(encoded.bytes));
      }
    }
    if (source.svg && processor.mode === 'cover' && !existing?.exports.has(exportKey('svg', source.size.width, source.size.height))) {
      // The SVG's own thumbhash from a 128-px-high rasterization (§3.5.1 step 4).
      const preview = await (await loadSharp())(source.input, source.options).resize({ height: 128 }).png().toBuffer();
      await store(source.input, 'svg', source.size, NO_CROP, {}, await thumbhashOf(preview));
    }
    const original = await storeOriginal(app, input);
    written.push(...original.newKeys);
    const listSlug = processor.listSlug(dynamicSize);
    const registered = await inTransaction(app.db, async ({ sql }) => {
      const now = app.now();
      const originalId = await upsertStoredFile(sql, { key: original.key, size: input.bytes.length, contentType: original.contentType, now });
      const imageId =
        (await findImageBySha(sql, input.sha512))?.id ??
        (await insertImageFile(sql, { uid: imageUid, name: input.name, originalStoredFileId: originalId, sha512: input.sha512, ...source.size, now }));
      for (const e of newExports) {
        const storedFileId = await upsertStoredFile(sql, { key: e.key, size: e.size, contentType: e.contentType, now });
        await insertImageExport(sql, imageId, { ...e, storedFileId }, now);
      }
      return registerInList(sql, 'client_flow_images', {
        listSlug, fileId: imageId, originalStoredFileId: originalId, originalSha512: input.uploadSha512, uploadedBySub: input.uploadedBySub, now,
      });
    });
    return { ok: true, fileUid: imageUid, listSlug, listRow: registered, exportsAdded: newExports.length };
  } catch (error) {
    await Promise.all(written.map((key) => app.files.delete(key)));
    throw error;
  }
}
