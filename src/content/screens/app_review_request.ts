import type { ScreenSeed } from '../types';
import { NATIVE_ONLY, Trigger } from './building-blocks';
import { obj } from './schema-builders';

export const appReviewRequest: ScreenSeed = {
  slug: 'app_review_request',
  name: 'App Review Request',
  description:
    'Asks the OS to show the store review prompt (whether it appeared is unknowable), then continues. No transitions.',
  flags: NATIVE_ONLY,
  schema: obj({ trigger: Trigger() }),
};
