import type { ScreenSeed } from '../types';
import { Button, EVERYWHERE, Transition } from './building-blocks';
import { num, obj, str } from './schema-builders';

export const verifyPhone: ScreenSeed = {
  slug: 'verify_phone',
  name: 'Verify Phone',
  description: 'Enters the 6-digit code sent by Add Phone.',
  flags: EVERYWHERE,
  schema: obj({
    header: str('Enter the code'),
    message: str('We sent a code to **+1 555 0100**.', { description: 'Supports **bold**.' }),
    verification: obj(
      {
        uid: str('oseh_pv_0000000000000000000000'),
        expires_at: num(1735689600, { description: 'Seconds since the epoch.' }),
      },
      { description: 'Normally copied from the server parameters of the flow Add Phone triggered.' },
    ),
    cta: Button('Verify'),
    back: Button('Back'),
    entrance: Transition(),
  }),
};
