import type { ScreenSeed } from '../types';
import { Button, EVERYWHERE, Transition } from './building-blocks';
import { arr, obj, str } from './schema-builders';

export const fork: ScreenSeed = {
  slug: 'fork',
  name: 'Fork',
  description: 'A header, a message and a list of options, each leading somewhere.',
  flags: EVERYWHERE,
  schema: obj({
    header: str('What brings you here?'),
    message: str('Pick the one that fits best.'),
    options: arr(
      Button('I want to sleep better', {
        slug: str('sleep', {
          description: 'Recorded in the screen trace so answers stay queryable when the copy changes.',
        }),
      }),
      { minItems: 1 },
    ),
    // No screen-level exit: each option has its own.
    entrance: Transition(),
  }),
};
