import type { ScreenSeed } from '../types';
import { EVERYWHERE, Image, Transition, Trigger } from './building-blocks';
import { arr, defaulted, integer, obj, str } from './schema-builders';

const vibration = (example: number[], description: string) =>
  defaulted(arr(integer(example[0], { minimum: 0 }), { example, description }));

export const holdToContinue: ScreenSeed = {
  slug: 'hold_to_continue',
  name: 'Hold to Continue',
  description: 'Press-and-hold confirmation with an animation and haptics.',
  flags: EVERYWHERE,
  schema: obj({
    image: Image(
      'exact_dynamic@200x200',
      { width: 80, height: 80 },
      { width: 80, height: 80 },
      { description: 'Shown at 80×80 growing to 200×200; upload 600×600.' },
    ),
    instructions: str('Press and hold', { description: 'Small text under the image.' }),
    title: str('Make a commitment'),
    body: str('I will take a few minutes for myself every day.'),
    hold_time_ms: defaulted(integer(500, { minimum: 0, description: '0 makes it a tap.' })),
    hold_vibration: vibration([100, 400], 'On/off pattern while holding (web only; native uses a fixed haptic).'),
    continue_vibration: vibration([0, 400, 100], 'Pattern after completion; its total also sets the animation length.'),
    entrance: Transition(),
    // Fired after the animation; there is deliberately no `exit`.
    trigger: Trigger(),
  }),
};
