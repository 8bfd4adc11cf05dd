import {
  FlowFlag,
  FlowScreenFlag,
  ScreenFlag,
  hasFlowFlag,
  hasFlowScreenFlag,
  hasScreenFlag,
  type FlowFlags,
  type FlowScreenFlags,
  type ScreenFlags,
} from '../flags';
import type { ClientPlatform } from '../model';

// The three flag layouts put each platform on a different bit (queue-engine.md §1.2-§1.3),
// so each layout gets its own lookup table.

const SCREEN_BIT: Record<ClientPlatform, ScreenFlag> = {
  browser: ScreenFlag.SHOWS_ON_BROWSER,
  ios: ScreenFlag.SHOWS_ON_IOS,
  android: ScreenFlag.SHOWS_ON_ANDROID,
};

const FLOW_BIT: Record<ClientPlatform, FlowFlag> = {
  ios: FlowFlag.IOS_TRIGGERABLE,
  android: FlowFlag.ANDROID_TRIGGERABLE,
  browser: FlowFlag.BROWSER_TRIGGERABLE,
};

const FLOW_SCREEN_BIT: Record<ClientPlatform, FlowScreenFlag> = {
  ios: FlowScreenFlag.SHOWS_ON_IOS,
  android: FlowScreenFlag.SHOWS_ON_ANDROID,
  browser: FlowScreenFlag.SHOWS_ON_WEB,
};

export const screenShowsOn = (flags: ScreenFlags, platform: ClientPlatform) =>
  hasScreenFlag(flags, SCREEN_BIT[platform]);

export const flowTriggerableFrom = (flags: FlowFlags, platform: ClientPlatform) =>
  hasFlowFlag(flags, FLOW_BIT[platform]);

export const flowScreenShowsOn = (flags: FlowScreenFlags, platform: ClientPlatform) =>
  hasFlowScreenFlag(flags, FLOW_SCREEN_BIT[platform]);

/** queue-engine.md §5.2 item 4: a flow screen with both bits shows to everyone. */
export const flowScreenShowsTo = (flags: FlowScreenFlags, hasPro: boolean) =>
  hasFlowScreenFlag(flags, hasPro ? FlowScreenFlag.SHOWS_FOR_PRO : FlowScreenFlag.SHOWS_FOR_FREE);
