/**
 * Three flag layouts put the platforms on different bits (queue-engine.md §1.2-§1.3).
 * They are three separate enums on purpose: never share constants between them.
 */

/** `client_screens.flags`. */
export enum ScreenFlag {
  SHOWS_IN_ADMIN = 1,
  SHOWS_ON_BROWSER = 2,
  SHOWS_ON_IOS = 4,
  SHOWS_ON_ANDROID = 8,
}

/** `client_flows.flags`. */
export enum FlowFlag {
  SHOWS_IN_ADMIN = 1,
  IS_CUSTOM = 2,
  IOS_TRIGGERABLE = 4,
  ANDROID_TRIGGERABLE = 8,
  BROWSER_TRIGGERABLE = 16,
}

/** `flags` of a flow screen (an entry of `client_flows.screens`, also snapshotted per queue row). */
export enum FlowScreenFlag {
  SHOWS_ON_IOS = 1,
  SHOWS_ON_ANDROID = 2,
  SHOWS_ON_WEB = 4,
  SHOWS_FOR_FREE = 8,
  SHOWS_FOR_PRO = 16,
}

// Branded numbers so a value of one layout cannot be passed where another is expected.
export type ScreenFlags = number & { readonly __layout: 'screen' };
export type FlowFlags = number & { readonly __layout: 'flow' };
export type FlowScreenFlags = number & { readonly __layout: 'flow_screen' };

export const screenFlags = (n: number) => n as ScreenFlags;
export const flowFlags = (n: number) => n as FlowFlags;
export const flowScreenFlags = (n: number) => n as FlowScreenFlags;

export const hasScreenFlag = (flags: ScreenFlags, flag: ScreenFlag) => (flags & flag) !== 0;
export const hasFlowFlag = (flags: FlowFlags, flag: FlowFlag) => (flags & flag) !== 0;
export const hasFlowScreenFlag = (flags: FlowScreenFlags, flag: FlowScreenFlag) => (flags & flag) !== 0;

/** "Shown everywhere" values. */
export const ALL_SCREEN_FLAGS = screenFlags(15);
export const ALL_FLOW_FLAGS = flowFlags(31);
export const ALL_FLOW_SCREEN_FLAGS = flowScreenFlags(31);
