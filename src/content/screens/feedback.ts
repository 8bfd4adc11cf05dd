import type { ScreenSeed } from '../types';
import { EVERYWHERE, Transition, Trigger } from './building-blocks';
import { defaulted, obj, optionalNull, str, stringEnum } from './schema-builders';

export const feedback: ScreenSeed = {
  slug: 'feedback',
  name: 'Feedback',
  description: 'A free-text feedback form, optionally anonymous; the client submits the text to the feedback endpoint.',
  flags: EVERYWHERE,
  schema: obj({
    top: str('Feedback'),
    header: str('How can we improve?'),
    message: str('We read every message.'),
    slug: str('general', { description: 'Groups the feedback.' }),
    placeholder: defaulted(str('Write anything')),
    details: optionalNull(str('Please do not include personal information.', { description: 'Text under the input.' })),
    anonymous: defaulted(
      stringEnum(['opt-in', 'opt-out', 'require', 'forbid'], {
        example: 'forbid',
        description: 'Checkbox unchecked / checked by default / always anonymous / never.',
      }),
    ),
    anonymous_label: defaulted(str('Send anonymously')),
    cta: defaulted(str('Continue')),
    cta2: optionalNull(obj({ text: str('Skip'), trigger: Trigger() })),
    // `close` and the main `trigger` are flow slugs in the reference; `Trigger` in the starter.
    close: Trigger(),
    trigger: Trigger(),
    entrance: Transition(),
    exit: Transition(),
  }),
};
