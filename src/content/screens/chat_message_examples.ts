import type { ScreenSeed } from '../types';
import { EVERYWHERE, Transition, Trigger } from './building-blocks';
import { arr, defaulted, obj, str } from './schema-builders';

export const chatMessageExamples: ScreenSeed = {
  slug: 'chat_message_examples',
  name: 'Chat Message Examples',
  description: 'A header, a body and example message bubbles: a "here is what you can say" interstitial.',
  flags: EVERYWHERE,
  schema: obj({
    header: str('What you can say'),
    body: str('Here are a few ways to start.'),
    messages: arr(str('I had a long day'), { example: ['I had a long day', 'I feel great today'] }),
    cta: defaulted(str('Continue')),
    entrance: Transition(),
    exit: Transition(),
    trigger: Trigger(),
  }),
};
