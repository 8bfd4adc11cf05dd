import type { ScreenSeed } from '../types';
import { Button, EVERYWHERE, TextContent, Transition } from './building-blocks';
import { obj, optionalNull, str } from './schema-builders';

export const textInterstitial: ScreenSeed = {
  slug: 'text_interstitial',
  name: 'Text Interstitial',
  description: 'A block of rich text with up to three buttons (filled, outlined, link).',
  flags: EVERYWHERE,
  schema: obj({
    content: TextContent([
      { type: 'header', value: 'Before we begin' },
      { type: 'spacer', pixels: 16 },
      { type: 'body', value: 'Here is what to expect in the next few minutes.' },
    ]),
    top: optionalNull(str('Getting started', { description: 'Context line at the top.' })),
    primary_button: optionalNull(Button('Continue')),
    secondary_button: optionalNull(Button('Not now')),
    tertiary_button: optionalNull(Button('Learn more')),
    entrance: Transition(),
  }),
};
