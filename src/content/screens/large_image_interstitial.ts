import type { ScreenSeed } from '../types';
import { CoverImage, EVERYWHERE, TextContent, Transition, Trigger } from './building-blocks';
import { defaulted, int32, obj, str } from './schema-builders';

export const largeImageInterstitial: ScreenSeed = {
  slug: 'large_image_interstitial',
  name: 'Large Image Interstitial',
  description: 'A top line, a tall image whose height grows with the screen, rich text and one button.',
  flags: EVERYWHERE,
  schema: obj({
    top: str('Welcome'),
    image: CoverImage('large_image_interstitial', { width: 342, height: 390 }, { width: 342, height: 237 }),
    content: TextContent([
      { type: 'header', value: 'Glad you are here' },
      { type: 'body', value: 'Let us set things up for you.' },
    ]),
    assumed_content_height: defaulted(
      int32(160, { minimum: 0, description: 'Height reserved for the text when sizing the image.' }),
    ),
    cta: defaulted(str('Continue')),
    entrance: Transition(),
    exit: Transition(),
    trigger: Trigger(),
  }),
};
