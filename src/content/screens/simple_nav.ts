import type { ScreenSeed } from '../types';
import { EVERYWHERE, Transition, Trigger } from './building-blocks';
import { arr, flowSlug, freeObject, obj, optionalNull, str, union } from './schema-builders';

/**
 * Flattened so the item itself says what it does: a `Trigger` inside this union would be a
 * nested union, which the schema language forbids (screens-and-media.md §1.4.5 rule 4).
 */
const NavItem = () =>
  union('type', {
    pop: { text: str('Home') },
    flow: {
      text: str('Settings'),
      flow: flowSlug('settings'),
      parameters: optionalNull(freeObject({}, { description: 'Client parameters; null means {}.' })),
    },
    link: {
      text: str('Privacy Policy'),
      url: str('https://example.com/privacy', { format: 'uri', description: 'Opened externally.' }),
    },
  });

export const simpleNav: ScreenSeed = {
  slug: 'simple_nav',
  name: 'Simple Nav',
  description: 'A full-screen menu with big and small links and a close button.',
  flags: EVERYWHERE,
  schema: obj({
    primary: arr(NavItem(), {
      example: [
        { type: 'pop', text: 'Home' },
        { type: 'flow', text: 'Settings', flow: 'settings', parameters: null },
      ],
    }),
    secondary: arr(NavItem(), {
      example: [{ type: 'link', text: 'Privacy Policy', url: 'https://example.com/privacy' }],
    }),
    close: Trigger({ description: 'What the close button does.' }),
    entrance: Transition(),
    exit: Transition(),
  }),
};
