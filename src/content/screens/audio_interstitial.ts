import type { ScreenSeed } from '../types';
import { Content, EVERYWHERE, Image, MediaOverlay } from './building-blocks';
import { obj, optionalNull } from './schema-builders';

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
    ...MediaOverlay('A message for you', '2 minutes'),
  }),
};
