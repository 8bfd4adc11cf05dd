/**
 * What a client receives for the two core media formats (screens-and-media.md §1.4.3,
 * §2.4.1-§2.4.2). Other formats are plugins (docs/extending.md).
 */
import type { JsonObject } from '../json';

export interface MediaRef {
  uid: string;
  jwt: string;
}

/** `image_uid`: the uid, an image JWT and the best thumbhash for the field's size (§2.5). */
export interface RealizedImage {
  uid: string;
  jwt: string;
  thumbhash: string | null;
}

/** `content_uid`: a content JWT and, when the content has one, its latest transcript with a JWT. */
export interface RealizedContent {
  content: MediaRef;
  transcript: MediaRef | null;
}

export const realizedImage = (uid: string, jwt: string, thumbhash: string | null): RealizedImage & JsonObject => ({ uid, jwt, thumbhash });

export const realizedContent = (content: MediaRef, transcript: MediaRef | null): RealizedContent & JsonObject => ({
  content: { uid: content.uid, jwt: content.jwt },
  transcript: transcript === null ? null : { uid: transcript.uid, jwt: transcript.jwt },
});
