import { describe, expect, it } from 'vitest';
import { peekedEvent, renderBreakdownKey, statsFamily } from './stats';
import { operation } from './testing';

describe('renderBreakdownKey (stats-cache-jobs.md §1.3)', () => {
  it('renders triggered keys with a Python-style version and trusted flag', () => {
    expect(renderBreakdownKey({ event: 'triggered', source: 'ios', version: 68, flowSlug: 'take_journey', trusted: false })).toBe(
      'ios:68:take_journey:False',
    );
    expect(renderBreakdownKey({ event: 'triggered', source: 'server', version: null, flowSlug: 'signup', trusted: true })).toBe(
      'server:None:signup:True',
    );
  });

  it('renders replaced keys with an empty segment when no screen was popped', () => {
    const base = { event: 'replaced', source: 'server', version: 68, originalSlug: 'myCoolFlow', replacementSlug: 'not_found' } as const;
    expect(renderBreakdownKey({ ...base, poppedScreenSlug: null })).toBe('server:68::myCoolFlow:not_found');
    expect(renderBreakdownKey({ ...base, source: 'ios', poppedScreenSlug: 'home', originalSlug: 'StacyFakename' })).toBe(
      'ios:68:home:StacyFakename:not_found',
    );
  });

  it('renders screen keys', () => {
    expect(renderBreakdownKey({ event: 'queued', source: 'server', version: null, screenSlug: 'welcome' })).toBe('server:None:welcome');
    expect(renderBreakdownKey({ event: 'queued', source: 'android', version: 70, screenSlug: 'journey_feedback' })).toBe(
      'android:70:journey_feedback',
    );
    expect(renderBreakdownKey({ event: 'popped', platform: 'browser', version: null, screenSlug: 'home' })).toBe('browser:None:home');
    expect(renderBreakdownKey({ event: 'traced', platform: 'android', version: 68, screenSlug: 'home' })).toBe('android:68:home');
    expect(renderBreakdownKey(peekedEvent(operation({ platform: 'ios', version: 68 }), 'home'))).toBe('ios:68:home');
  });

  it('assigns each event to its Redis family', () => {
    expect(statsFamily({ event: 'triggered', source: 'ios', version: 1, flowSlug: 'a', trusted: true })).toBe('client_flows');
    expect(statsFamily({ event: 'queued', source: 'ios', version: 1, screenSlug: 'a' })).toBe('client_screens');
  });
});
