import type { ScreenSeed } from '../types';
import { Back, ExactImage, NATIVE_ONLY, Transition, Trigger } from './building-blocks';
import { bool, defaulted, obj, optional, optionalNull, str, union } from './schema-builders';

export const addPushToken: ScreenSeed = {
  slug: 'add_push_token',
  name: 'Add Push Token',
  description:
    'Explains and requests the OS notification permission; optionally lets the user pick reminder times inline.',
  flags: NATIVE_ONLY,
  schema: obj({
    header: str('Stay on track'),
    message: optionalNull(str('We will send you a gentle reminder at the time you choose.')),
    image: optionalNull(
      obj(
        { ios: ExactImage(['image', 'ios']), other: ExactImage(['image', 'other']) },
        { description: 'Platform-specific illustrations.' },
      ),
    ),
    // success/failure = the user accepted/declined the OS prompt; `Trigger` in the starter
    // (flow slugs in the reference) so every "what happens next" has one shape.
    cta: optional(
      obj({ text: str('Allow Notifications'), exit: Transition(), success: Trigger(), failure: Trigger() }),
      { text: 'Allow Notifications' },
    ),
    back: optional(Back(), {}),
    // Where the dismiss control goes. The reference's header-and-footer variant is dropped: it
    // points at app-specific tabs.
    nav: union('type', { 'link-button': { back: str('Skip') }, x: {}, arrow: {} }),
    times: defaulted(bool(true, { description: 'Let the user pick reminder times inline.' })),
    entrance: Transition(),
  }),
};
