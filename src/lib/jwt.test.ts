import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { signHs256, verifyHs256 } from './jwt';

const SECRET = 'a secret of the configured kind, used as its UTF-8 bytes ✓';
const options = { audience: 'oseh-client-screen', subject: 'oseh_ucs_x', lifetimeSeconds: 604_800, now: 1_800_000_000.7, claims: { 'oseh:log_uid': 'oseh_ucsl_y' } };

describe('signHs256', () => {
  it('writes the HS256 header and exactly the documented claims, iat one second back', async () => {
    const token = await signHs256(SECRET, options);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(token)).toEqual({
      'oseh:log_uid': 'oseh_ucsl_y',
      iss: 'oseh',
      aud: 'oseh-client-screen',
      sub: 'oseh_ucs_x',
      iat: 1_800_000_000 - 1,
      exp: 1_800_000_000 + 604_800,
    });
    // Deterministic: HMAC over the same header and claims gives the same token.
    expect(await signHs256(SECRET, options)).toBe(token);
  });

  it('is accepted by jose and by verifyHs256 with the same secret only', async () => {
    const token = await signHs256(SECRET, { ...options, now: Date.now() / 1000, withJti: true });
    const { payload } = await jwtVerify(token, new TextEncoder().encode(SECRET), { algorithms: ['HS256'], issuer: 'oseh', audience: options.audience });
    expect(payload).toMatchObject({ sub: 'oseh_ucs_x', 'oseh:log_uid': 'oseh_ucsl_y', jti: expect.any(String) });
    const required = { audience: options.audience, requiredClaims: ['sub', 'exp', 'iat'] };
    expect((await verifyHs256(SECRET, token, required)).ok).toBe(true);
    expect((await verifyHs256(`${SECRET}x`, token, required)).ok).toBe(false);
  });
});
