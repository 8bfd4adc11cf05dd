import type { ScreenSeed } from '../types';
import { Content, EVERYWHERE, Image, Transition, Trigger } from './building-blocks';
import { bool, defaulted, obj, optionalNull, str } from './schema-builders';

export const audioInterstitial: ScreenSeed = {
  slug: 'audio_interstitial',
  name: 'Audio Interstitial',
  description: 'Plays audio over an optional full-screen background image.',
  flags: EVERYWHERE,
  schema: obj({
    audio: Content('audio_interstitial', { type: 'audio' }),
    background: optionalNull(
      Image(
        'fullscreen_background',
        { width: 270, height: 470 },
        { width: 270, height: 470 },
        { description: 'Null means the default gradient.' },
      ),
    ),
    title: str('A message for you'),
    subtitle: optionalNull(str('2 minutes')),
    cta: optionalNull(str('Skip', { description: 'Skip button text; null means no button.' })),
    close: defaulted(bool(false, { description: 'Show a close button at the top right.' })),
    dark: defaulted(bool(true, { description: 'Style for a dark background.' })),
    entrance: Transition(),
    exit: Transition(),
    trigger: Trigger(),
  }),
};
