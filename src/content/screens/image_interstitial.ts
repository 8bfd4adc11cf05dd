import type { ScreenSeed } from '../types';
import { CoverImage, EVERYWHERE, Transition, Trigger } from './building-blocks';
import { defaulted, obj, str } from './schema-builders';

export const imageInterstitial: ScreenSeed = {
  slug: 'image_interstitial',
  name: 'Image Interstitial',
  description: 'A top line, an image, a header, a message and one button.',
  flags: EVERYWHERE,
  schema: obj({
    top: str('Step 1 of 3'),
    image: CoverImage('image_interstitial', { width: 342, height: 215 }),
    header: str('Find a quiet place'),
    message: str('A few minutes without distractions is all you need.'),
    cta: defaulted(str('Continue')),
    entrance: Transition(),
    exit: Transition(),
    // Added in the starter: the reference only has the legacy flow-slug trigger here.
    trigger: Trigger(),
  }),
};
