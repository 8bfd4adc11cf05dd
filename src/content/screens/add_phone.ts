import type { ScreenSeed } from '../types';
import { Back, Button, EVERYWHERE, Transition, defaultTransition, defaultTrigger } from './building-blocks';
import { bool, obj, optional, optionalNull, str, union } from './schema-builders';

export const addPhone: ScreenSeed = {
  slug: 'add_phone',
  name: 'Add Phone',
  description: 'Collects a phone number and sends a verification code.',
  flags: EVERYWHERE,
  schema: obj({
    header: str('Get reminders by text'),
    message: str('Enter your phone number and we will send you a code.'),
    reminders: bool(true, { description: 'The number will receive SMS reminders.' }),
    legal: optionalNull(
      str('By continuing you agree to our [Terms] and [Privacy Policy].', {
        description: '[Terms] and [Privacy Policy] are replaced with links by the client.',
      }),
    ),
    // The trigger is fired with server parameters `phone_number` (E.164) and `verification`
    // through a specialised pop endpoint (the Trigger's `endpoint`).
    cta: Button('Send Code'),
    // The reference default embeds a 350 ms fade; the starter uses 125 ms like everywhere else.
    back: optional(Back(), { exit: defaultTransition(), trigger: defaultTrigger() }),
    // Only `no-nav` is kept (the reference's `nav` variant points at app-specific tabs); it stays
    // a union so a generic tab variant can be added without changing clients' parsing.
    nav: union('type', { 'no-nav': { back: str('Skip') } }),
    entrance: Transition(),
  }),
};
