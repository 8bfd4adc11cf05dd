import type { ScreenSeed } from '../types';
import { EVERYWHERE, Transition, Trigger } from './building-blocks';
import { defaulted, obj, str } from './schema-builders';

export const confirmation: ScreenSeed = {
  slug: 'confirmation',
  name: 'Confirmation',
  description: 'A centred header, message and one button. The workhorse for notices and error messages.',
  flags: EVERYWHERE,
  schema: obj({
    header: str('Something went wrong'),
    message: str('Please try again in a moment.'),
    cta: defaulted(str('Ok')),
    entrance: Transition(),
    exit: Transition(),
    trigger: Trigger(),
  }),
};
