import type { ScreenSeed } from '../types';
import { Button, EVERYWHERE, Transition } from './building-blocks';
import { obj, optionalNull, str } from './schema-builders';

export const completion: ScreenSeed = {
  slug: 'completion',
  name: 'Completion',
  description: 'Like Confirmation, but celebratory (confetti): a title, an optional line above it and one button.',
  flags: EVERYWHERE,
  schema: obj({
    title: str('You did it!'),
    subtitle: optionalNull(str('All done', { description: 'Small text above the title.' })),
    // The reference's `cta.trigger` is a flow slug; the starter uses `Trigger` (catalogue §2.1).
    cta: Button('Continue'),
    entrance: Transition(),
  }),
};
