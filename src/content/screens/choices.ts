import type { ScreenSeed } from '../types';
import { EVERYWHERE, Transition, Trigger } from './building-blocks';
import { arr, bool, defaulted, obj, optionalNull, str } from './schema-builders';

export const choices: ScreenSeed = {
  slug: 'choices',
  name: 'Choices',
  description: 'A single- or multi-select question, for surveys and onboarding.',
  flags: EVERYWHERE,
  schema: obj({
    top: str('Question 1 of 3'),
    slug: str('goals', {
      pattern: '^[a-z0-9_]+$',
      minLength: 1,
      description: 'Analytics id of the question.',
    }),
    header: str('What would you like to work on?'),
    message: optionalNull(str('Choose all that apply.')),
    choices: arr(str('Sleep'), { minItems: 1, example: ['Sleep', 'Focus', 'Stress'] }),
    multiple: bool(true),
    enforce: bool(true, { description: 'At least one answer is required.' }),
    cta: str('Continue'),
    include_choice: defaulted(
      bool(false, { description: 'When true the pop sends client parameter `checked: string[]` with the selection.' }),
    ),
    entrance: Transition(),
    exit: Transition(),
    trigger: Trigger(),
  }),
};
