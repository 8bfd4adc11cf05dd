import type { Schema } from '../../domain/model';
import type { ScreenSeed } from '../types';
import { EVERYWHERE, Image, Transition, Trigger } from './building-blocks';
import { arr, defaulted, flowSlug, obj, optional, optionalNull, str, stringEnum, union } from './schema-builders';

type SequenceItem = { icon: string; title: string; body: string };
type OfferValue = { header: string; image: null; body: { type: string; items: (string | SequenceItem)[] } };

// Neutral default copy so an installation can ship the paywall before writing its own.
const IMMEDIATE: OfferValue = {
  header: 'Unlock everything',
  image: null,
  body: {
    type: 'checklist',
    items: ['Full access to all content', 'New content every week', 'Cancel anytime'],
  },
};

const TRIAL_7_DAYS: OfferValue = {
  header: 'Try [trial_interval_count] days free',
  image: null,
  body: {
    type: 'sequence',
    items: [
      { icon: '🔓', title: 'Today', body: 'Get full access to everything.' },
      { icon: '🔔', title: 'Day 5', body: 'We remind you that your trial is ending.' },
      { icon: '⭐', title: 'Day 7', body: 'Your subscription starts. Cancel anytime before.' },
    ],
  },
};

const TRIAL_OTHER: OfferValue = {
  header: 'Try [trial_interval_count] [trial_interval_unit_autoplural] free',
  image: null,
  body: {
    type: 'checklist',
    items: ['Full access to all content', 'Cancel anytime during the trial'],
  },
};

/** One paywall variant, optional with the given default. */
function Offer(value: OfferValue): Schema {
  return optional(
    obj({
      header: str(value.header, {
        description:
          'May contain [trial_interval_count], [trial_interval_unit_autoplural] and [trial_interval_unit_singular].',
      }),
      image: optionalNull(Image('upgrade', { width: 342, height: 223 }, { width: 342, height: 223 })),
      body: union('type', {
        checklist: { items: arr(str('Full access to all content')) },
        sequence: {
          items: arr(
            obj({
              // Rendered as text, so an emoji is the portable choice.
              icon: str('🔓', { description: 'A short glyph, e.g. an emoji.' }),
              title: str('Today'),
              body: str('Get full access to everything.'),
            }),
          ),
        },
      }),
    }),
    value,
  );
}

/** The checkout always reports through these two flows, so each is a single-value enum. */
const fixedFlow = (slug: string) => flowSlug(slug, { enum: [slug] });

export const upgrade: ScreenSeed = {
  slug: 'upgrade',
  name: 'Upgrade',
  description: 'Paywall for the subscription, with different content when a free trial is available.',
  flags: EVERYWHERE,
  // The reference's legacy `back`, `header` and `image` (with an environment-specific default)
  // are dropped.
  schema: obj({
    checkout: obj({ success: fixedFlow('post_checkout_success'), failure: fixedFlow('post_checkout_failure') }),
    immediate: Offer(IMMEDIATE),
    trial: optional(obj({ days7: Offer(TRIAL_7_DAYS), default: Offer(TRIAL_OTHER) }), {
      days7: TRIAL_7_DAYS,
      default: TRIAL_OTHER,
    }),
    back_variant: defaulted(stringEnum(['back', 'x'], { example: 'x' })),
    back2: Trigger({ description: 'What the back/close control does.' }),
    entrance: Transition(),
    exit: Transition(),
  }),
};
