import { describe, expect, it } from 'vitest';
import { newJti, newUid, newUserTokenSecret } from './ids';

describe('ids', () => {
  it('have their documented shapes', () => {
    expect(newUid('ucsl')).toMatch(/^oseh_ucsl_[A-Za-z0-9_-]{22}$/);
    expect(newUserTokenSecret()).toMatch(/^oseh_ut_[A-Za-z0-9_-]{32}$/);
    expect(newJti()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('never repeat, across many refills of the random pool and mixed sizes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      seen.add(newUid('v').slice('oseh_v_'.length));
      seen.add(newJti());
      seen.add(newUserTokenSecret().slice('oseh_ut_'.length));
    }
    expect(seen.size).toBe(9000);
  });
});
