/**
 * Attacks on an HS256 token of one kind, each derived from a genuine token (used by the JWT
 * attack tests of every token kind).
 */
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { exportJWK, SignJWT } from 'jose';
import { jwtClaims } from './flows';
import { craftIdToken } from './tokens';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const headerOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as Record<string, unknown>;

/** A token with any header, signed by HMAC of `secret` whatever the header claims. */
function hmacToken(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string, hash = 'sha256'): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

/**
 * Every attack on an HS256 token of one kind, derived from a genuine one: `secret` is that
 * kind's key, `otherAudience` another kind's audience.
 */
export async function attacksOn(genuine: string, secret: string, otherAudience: string): Promise<Record<string, string>> {
  const header = headerOf(genuine);
  const claims = jwtClaims(genuine);
  const now = Math.floor(Date.now() / 1000);
  const [head, payload, signature] = genuine.split('.');
  const signedWith = (changes: Record<string, unknown>, key = secret) => hmacToken(header, { ...claims, ...changes }, key);
  const rs256 = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(rsa.privateKey);
  const embedded = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', jwk: await exportJWK(rsa.publicKey) })
    .sign(rsa.privateKey);
  return {
    'alg none, no signature': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
    'alg None, genuine signature kept': `${b64({ alg: 'None', typ: 'JWT' })}.${payload}.${signature}`,
    'alg NONE without the third part': `${b64({ alg: 'NONE' })}.${payload}`,
    'RS256 header over an HMAC of the real secret': hmacToken({ ...header, alg: 'RS256' }, claims, secret),
    'ES256 header over an HMAC of the real secret': hmacToken({ ...header, alg: 'ES256' }, claims, secret),
    'a real RS256 signature (attacker key)': rs256,
    'RS256 with the attacker key embedded as jwk': embedded,
    'HS384 with the real secret': hmacToken({ ...header, alg: 'HS384' }, claims, secret, 'sha384'),
    'HS512 with the real secret': hmacToken({ ...header, alg: 'HS512' }, claims, secret, 'sha512'),
    'wrong key': signedWith({}, `${secret}-not`),
    'empty key': signedWith({}, ''),
    "another kind's audience": signedWith({ aud: otherAudience }),
    'audience missing': signedWith({ aud: undefined }),
    'wrong issuer': signedWith({ iss: 'someone-else' }),
    'issuer missing': signedWith({ iss: undefined }),
    expired: signedWith({ iat: now - 7200, exp: now - 1 }),
    'not yet valid (nbf)': signedWith({ nbf: now + 600 }),
    'issued in the future': signedWith({ iat: now + 600, exp: now + 4000 }),
    'tampered payload (sub), genuine signature': `${head}.${b64({ ...claims, sub: `${String(claims.sub)}x` })}.${signature}`,
    'tampered payload (exp), genuine signature': `${head}.${b64({ ...claims, exp: now + 10 ** 9 })}.${signature}`,
    'tampered header (kid), genuine signature': `${b64({ ...header, kid: '../../dev/null' })}.${payload}.${signature}`,
    'unknown critical header': hmacToken({ ...header, crit: ['exp'], exp: 1 }, claims, secret),
    'signature stripped': `${head}.${payload}.`,
    'signature of another token': `${head}.${payload}.${(await craftIdToken('x')).split('.')[2]}`,
  };
}

