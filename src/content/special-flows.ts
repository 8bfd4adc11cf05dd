/**
 * The minimal seed of the special flows the engine fires itself (queue-engine.md §10, rows
 * marked "must exist at startup"). `signup` is deliberately absent: it is product-specific and
 * optional (the engine skips it when missing).
 */
import { ALL_FLOW_SCREEN_FLAGS, FlowFlag, flowFlags } from '../domain/flags';
import type { Schema } from '../domain/model';
import { textContentValue } from './screens/building-blocks';
import { textInterstitial } from './screens/text_interstitial';
import type { FlowSeed } from './types';

/** The engine hands special flows `{}` for both parameter objects, so their schemas are closed and empty. */
function noParameters(allowAdditional = false): Schema {
  return { type: 'object', properties: {}, additionalProperties: allowAdditional, example: {} };
}

/** Server-fired only: no triggerable bits, so a client cannot fire them directly. */
const SERVER_FIRED = flowFlags(FlowFlag.SHOWS_IN_ADMIN);
/** `skip` is also fired by clients; without these bits a client skip would become `wrong_platform`. */
const CLIENT_FIRED = flowFlags(
  FlowFlag.SHOWS_IN_ADMIN | FlowFlag.IOS_TRIGGERABLE | FlowFlag.ANDROID_TRIGGERABLE | FlowFlag.BROWSER_TRIGGERABLE,
);

function specialFlow(
  slug: string,
  name: string,
  description: string,
  options: Partial<Pick<FlowSeed, 'screens' | 'flags'>> & { openParameters?: boolean } = {},
): FlowSeed {
  return {
    slug,
    name,
    description,
    clientSchema: noParameters(options.openParameters),
    serverSchema: noParameters(options.openParameters),
    replaces: false,
    screens: options.screens ?? [],
    rules: [],
    flags: options.flags ?? SERVER_FIRED,
  };
}

export const SPECIAL_FLOW_SEEDS: readonly FlowSeed[] = [
  specialFlow('empty', 'Empty queue', 'Fired when peek, pop or trigger leaves the queue empty; queues a screen.', {
    screens: [
      {
        // Shown everywhere, to free and pro users alike, with no rules: the engine relies on
        // `empty` always filling the queue. An installation replaces it with its home screen.
        screen: {
          slug: textInterstitial.slug,
          fixed: {
            content: textContentValue([
              { type: 'header', value: "You're all caught up" },
              { type: 'body', value: 'There is nothing new for you right now.' },
            ]),
            primary_button: { text: 'Ok', trigger: { type: 'pop' } },
          },
          variable: [],
        },
        name: "You're all caught up",
        allowed_triggers: [],
        flags: ALL_FLOW_SCREEN_FLAGS,
        rules: { trigger: null, peek: null },
      },
    ],
  }),
  specialFlow('skip', 'Skip', 'Fired when a client pops with `skip` or the server auto-skips the front screen.', {
    flags: CLIENT_FIRED,
    // Clients may send parameters along with a skip; they are ignored rather than rejected.
    openParameters: true,
  }),
  specialFlow(
    'forbidden',
    'Forbidden trigger',
    "Fired when a pop's trigger is not in the popped screen's allowed_triggers.",
  ),
  specialFlow(
    'wrong_platform',
    'Wrong platform',
    "Fired when a client fires a flow that lacks its platform's triggerable flag.",
  ),
  specialFlow(
    'not_found',
    'Not found',
    'Fired when a requested flow, extraction target or endpoint resource does not exist.',
  ),
  specialFlow(
    'desync',
    'Desync',
    'Fired when a pop names a screen that is no longer the front of the queue.',
  ),
  specialFlow(
    'error_flow_schema',
    'Error: flow parameters',
    "Fired when a trigger's parameters fail the flow's client or server schema.",
  ),
  specialFlow(
    'error_screen_missing',
    'Error: screen missing',
    'Fired when a flow references a screen that does not exist.',
  ),
  specialFlow(
    'error_screen_schema',
    'Error: screen input',
    "Fired when a flow screen's produced input does not match the screen's schema.",
  ),
  specialFlow(
    'error_unsafe',
    'Error: unsafe input',
    'Fired when client or standard parameters would reach an unsafe (custom) format.',
  ),
  specialFlow(
    'error_bad_auth',
    'Error: bad auth',
    'Fired when a pop carries an invalid screen JWT or a forged resource token.',
  ),
];
