import type { ScreenSeed } from '../types';
import { Content, EVERYWHERE, Transition, Trigger } from './building-blocks';
import { bool, defaulted, obj, optionalNull, str } from './schema-builders';

export const videoInterstitial: ScreenSeed = {
  slug: 'video_interstitial',
  name: 'Video Interstitial',
  description:
    'A full-screen video with title, subtitle and an optional skip button; ' +
    'pops when the video ends or the button is pressed.',
  flags: EVERYWHERE,
  schema: obj({
    // The reference also sets an unused x-thumbhash here; the checker allows it only on images.
    video: Content('video_interstitial', { type: 'video', width: 187, height: 317 }),
    title: str('Welcome'),
    subtitle: optionalNull(str('A quick tour')),
    cta: optionalNull(str('Skip', { description: 'Skip button text; null means no button.' })),
    close: defaulted(bool(false, { description: 'Show a close button at the top right.' })),
    dark: defaulted(bool(true, { description: 'Style for a dark background.' })),
    entrance: Transition(),
    exit: Transition(),
    // Added in the starter: the reference only has the legacy flow-slug trigger here.
    trigger: Trigger(),
  }),
};
