import type { ScreenSeed } from '../types';
import { Button, EVERYWHERE, Transition } from './building-blocks';
import { obj, optionalNull, str } from './schema-builders';

export const setName: ScreenSeed = {
  slug: 'set_name',
  name: 'Set Name',
  description: "Asks for the user's name and saves it; pairs with the standard.name.* parameters.",
  flags: EVERYWHERE,
  schema: obj({
    top: str('About you'),
    title: str('What should we call you?'),
    message: optionalNull(str('We use it to personalise your experience.')),
    // The reference's button triggers are flow slugs; the starter uses `Button` (a `Trigger`) throughout.
    save: Button('Save'),
    back: optionalNull(Button('Back')),
    entrance: Transition(),
  }),
};
