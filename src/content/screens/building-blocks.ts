/**
 * Building blocks shared by the starter screens (screen-catalogue.md §1.1). Each is a function
 * so every screen gets its own copy of the schema nodes (no shared mutable objects).
 */
import { ALL_SCREEN_FLAGS, ScreenFlag, screenFlags } from '../../domain/flags';
import type { JsonObject } from '../../domain/json';
import { processorForList } from '../../domain/media/processors';
import type { Schema } from '../../domain/model';
import {
  type Extra,
  arr,
  bool,
  defaulted,
  flowSlug,
  freeObject,
  int32,
  integer,
  obj,
  optional,
  optionalNull,
  str,
  stringEnum,
  union,
} from './schema-builders';

// ---- screen flags used by the catalogue ----

export const EVERYWHERE = ALL_SCREEN_FLAGS;
export const NATIVE_ONLY = screenFlags(
  ScreenFlag.SHOWS_IN_ADMIN | ScreenFlag.SHOWS_ON_IOS | ScreenFlag.SHOWS_ON_ANDROID,
);
export const IOS_ONLY = screenFlags(ScreenFlag.SHOWS_IN_ADMIN | ScreenFlag.SHOWS_ON_IOS);

// ---- values ----

/** The default of every optional transition (the reference shortened them from 350 ms to 125 ms). */
export function defaultTransition(): JsonObject {
  return { type: 'fade', ms: 125 };
}

/** The default of every optional `Trigger`: pop without triggering a flow. */
export function defaultTrigger(): JsonObject {
  return { type: 'pop' };
}

export type TextPart =
  | { type: 'header'; value: string }
  | { type: 'body'; value: string }
  | { type: 'spacer'; pixels: number }
  | { type: 'check'; message: string };

/** A `screen-text-content` value, e.g. for a flow screen's `fixed`. */
export function textContentValue(parts: TextPart[]): JsonObject {
  return { type: 'screen-text-content', version: 1, parts: parts.map((part) => ({ ...part })) };
}

// ---- schema nodes ----

/** Optional entrance/exit animation; default fade 125 ms. */
export function Transition(extra: Extra = {}): Schema {
  const ms = () => int32(125, { minimum: 0, description: 'Duration in milliseconds.' });
  const node = union(
    'type',
    {
      fade: { ms: ms() },
      swipe: { ms: ms(), direction: stringEnum(['to-left', 'to-right']) },
      wipe: { ms: ms(), direction: stringEnum(['up', 'down']) },
    },
    { example: defaultTransition(), ...extra },
  );
  return optional(node, defaultTransition());
}

/**
 * Optional configurable trigger (the reference's `triggerv75`); default `{type: "pop"}`.
 * `endpoint` lets a screen use a specialised pop endpoint that derives trusted parameters
 * server-side; `parameters` is a free-form object sent as the client parameters.
 */
export function Trigger(extra: Extra = {}): Schema {
  const endpoint = () =>
    optionalNull(
      str('/api/1/users/me/screens/pop', {
        description: 'Pop endpoint path; null means the standard pop endpoint.',
      }),
    );
  const node = union(
    'type',
    {
      pop: { endpoint: endpoint() },
      flow: {
        flow: flowSlug('skip'),
        endpoint: endpoint(),
        parameters: optionalNull(freeObject({}, { description: 'Client parameters; null means {}.' })),
      },
    },
    { example: defaultTrigger(), ...extra },
  );
  return optional(node, defaultTrigger());
}

/** Rich text laid out vertically (`screen-text-content` version 1). */
export function TextContent(example: TextPart[], extra: Extra = {}): Schema {
  const part = union('type', {
    header: { value: str('Welcome') },
    body: { value: str('A short paragraph.') },
    spacer: { pixels: int32(24, { minimum: 0 }) },
    check: { message: str('Something that is included') },
  });
  return obj(
    {
      type: stringEnum(['screen-text-content']),
      version: int32(1, { enum: [1] }),
      parts: arr(part),
    },
    { example: textContentValue(example), ...extra },
  );
}

/** `{text, exit?, trigger?}`; `more` adds properties after `text` (e.g. a fork option's slug). */
export function Button(text: string, more: Record<string, Schema> = {}, extra: Extra = {}): Schema {
  return obj({ text: str(text), ...more, exit: Transition(), trigger: Trigger() }, extra);
}

/** `{exit?, trigger?}`: what a back or dismiss control does when it has no text of its own. */
export function Back(extra: Extra = {}): Schema {
  return obj({ exit: Transition(), trigger: Trigger() }, extra);
}

/** A close control: which glyph, and what happens when it is pressed. */
export function Close(extra: Extra = {}): Schema {
  return obj({ variant: stringEnum(['x', 'back', 'menu']), exit: Transition(), trigger: Trigger() }, extra);
}

/**
 * The properties audio and video interstitials share after their media: a title, an optional
 * subtitle, an optional skip button, a close button, dark styling, transitions and `trigger`
 * (on video a starter addition: the reference only has the legacy flow-slug trigger there).
 */
export function MediaOverlay(title: string, subtitle: string): Record<string, Schema> {
  return {
    title: str(title),
    subtitle: optionalNull(str(subtitle)),
    cta: optionalNull(str('Skip', { description: 'Skip button text; null means no button.' })),
    close: defaulted(bool(false, { description: 'Show a close button at the top right.' })),
    dark: defaulted(bool(true, { description: 'Style for a dark background.' })),
    entrance: Transition(),
    exit: Transition(),
    trigger: Trigger(),
  };
}

export type Size = { width: number; height: number };
export type ContentPreview = { type: 'audio' } | { type: 'video'; width: number; height: number };

// Example uids only illustrate the shape (`oseh_{prefix}_` + 22 url-safe characters).
const EXAMPLE_IMAGE_UID = 'oseh_if_0000000000000000000000';
const EXAMPLE_CONTENT_UID = 'oseh_cf_0000000000000000000000';
const EXACT_DYNAMIC = 'exact_dynamic';

/** `x-processor` for a list: the registry's processor of that list names the job (§3.2). */
function processorFor(list: string): JsonObject {
  const processor = processorForList(list);
  if (processor === undefined) throw new Error(`no registered processor fills the list '${list}'`);
  return { job: processor.id, list };
}

/** An image from a fixed-size list: rendered at `thumb` (picks the inlined thumbhash), previewed at `preview`. */
export function Image(list: string, thumb: Size, preview: Size, extra: Extra = {}): Schema {
  return str(EXAMPLE_IMAGE_UID, {
    format: 'image_uid',
    'x-processor': processorFor(list),
    'x-thumbhash': { ...thumb },
    'x-preview': { ...preview },
    ...extra,
  });
}

/**
 * An image cover-cropped to a fixed-size list whose largest 1× size is `largest` (also the
 * thumbhash size); its 3× export is the smallest upload that fills every target.
 */
export function CoverImage(list: string, largest: Size, preview: Size = largest): Schema {
  const upload = `${3 * largest.width}×${3 * largest.height}`;
  return Image(list, largest, preview, { description: `Cover-cropped; upload at least ${upload}.` });
}

/** Audio or video content; realized with its transcript (if any). */
export function Content(list: string, preview: ContentPreview, extra: Extra = {}): Schema {
  return str(EXAMPLE_CONTENT_UID, {
    format: 'content_uid',
    'x-processor': processorFor(list),
    'x-preview': { ...preview },
    ...extra,
  });
}

/**
 * An image shown at exactly `width`×`height` (1×); the upload must be an exact ≥ 3× multiple.
 * `at` is the path of this object from the schema root, because `x-dynamic-size` paths are
 * absolute (screens-and-media.md §1.4.4).
 */
export function ExactImage(at: string[], example: Size = { width: 200, height: 200 }, extra: Extra = {}): Schema {
  return obj(
    {
      image: str(EXAMPLE_IMAGE_UID, {
        format: 'image_uid',
        'x-processor': processorFor(EXACT_DYNAMIC),
        'x-dynamic-size': { width: [...at, 'width'], height: [...at, 'height'] },
      }),
      width: integer(example.width, { minimum: 1, maximum: 342, multipleOf: 2 }),
      height: integer(example.height, { minimum: 1, maximum: 400, multipleOf: 2 }),
    },
    extra,
  );
}
