import type { ScreenSeed } from '../types';
import { EVERYWHERE, Transition, Trigger } from './building-blocks';
import { obj, optional, optionalNull, str, stringEnum } from './schema-builders';

const ANSWERS = ['loved', 'liked', 'disliked', 'hated'] as const;

export const rateClass: ScreenSeed = {
  slug: 'rate_class',
  name: 'Rate Class',
  description: 'A four-level rating (loved / liked / disliked / hated) with a different follow-up per answer.',
  flags: EVERYWHERE,
  schema: obj({
    // Generic in the starter: the reference binds this to a journey (a plugin format).
    subject_uid: str('oseh_j_0000000000000000000000', {
      description: 'Identifier of the rated item, recorded with the answer; opaque to the client.',
    }),
    header: str('How did that feel?'),
    message: optionalNull(str('Your answer shapes what comes next.')),
    // "journey" needs the journey plugin; until then a single value keeps the client contract.
    background: stringEnum(['dark-gray']),
    cta: obj({
      text: str('Continue'),
      exit: Transition(),
      trigger: optional(
        obj(Object.fromEntries(ANSWERS.map((answer) => [answer, Trigger()])), {
          description: 'What happens after each answer.',
        }),
        {},
      ),
    }),
    entrance: Transition(),
  }),
};
