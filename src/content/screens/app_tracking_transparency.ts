import type { ScreenSeed } from '../types';
import { IOS_ONLY, Trigger } from './building-blocks';
import { obj } from './schema-builders';

export const appTrackingTransparency: ScreenSeed = {
  slug: 'app_tracking_transparency',
  name: 'App Tracking Transparency',
  description: 'Shows the native iOS tracking-consent dialog; no UI of its own and no transitions.',
  flags: IOS_ONLY,
  // Flow slugs in the reference; `Trigger` in the starter, like every other follow-up.
  schema: obj({
    success: Trigger({ description: 'The user allowed tracking.' }),
    failure: Trigger({ description: 'The user declined tracking.' }),
  }),
};
