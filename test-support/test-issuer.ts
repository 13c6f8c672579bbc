// A second token issuer, for tests only: an ES256 key pair of its own, its JWKS served on loopback as an identity
// provider serves it, and tokens signed with whatever claims a test chooses. A server started with SMEC_JWKS_URL at
// `jwksUrl` (and SMEC_JWT_ISSUER / SMEC_JWT_AUDIENCE as here) takes its tokens as a real issuer's.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { testNow } from './server.js';

export const TEST_ISSUER = 'https://idp.test.invalid';
export const TEST_AUDIENCE = 'smec-platform';

export interface TestIssuer {
  readonly issuer: string;
  readonly audience: string;
  /** The JWKS's URL on 127.0.0.1. */
  readonly jwksUrl: string;
  /** The environment a server takes this issuer from. */
  readonly env: Readonly<Record<string, string>>;
  /** How many times the JWKS was fetched. */
  readonly fetches: () => number;
  /** A token for `subject` with `claims`, valid for an hour from the tests' now. */
  sign(subject: string, claims?: JWTPayload): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(options: { issuer?: string; audience?: string } = {}): Promise<TestIssuer> {
  const issuer = options.issuer ?? TEST_ISSUER;
  const audience = options.audience ?? TEST_AUDIENCE;
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `test-${randomBytes(6).toString('hex')}`;
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  let fetches = 0;
  const server = createServer((request, response) => {
    if (request.url !== '/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    fetches++;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const jwksUrl = `http://127.0.0.1:${port}/jwks.json`;
  return {
    issuer,
    audience,
    jwksUrl,
    env: { SMEC_JWKS_URL: jwksUrl, SMEC_JWT_ISSUER: issuer, SMEC_JWT_AUDIENCE: audience },
    fetches: () => fetches,
    sign: (subject, claims = {}) => signWith(privateKey, kid, { issuer, audience, subject, claims }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function signWith(
  key: CryptoKey,
  kid: string,
  token: { issuer: string; audience: string; subject: string; claims: JWTPayload },
): Promise<string> {
  const issuedAt = Math.floor(testNow() / 1000);
  return new SignJWT(token.claims)
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setIssuer(token.issuer)
    .setAudience(token.audience)
    .setSubject(token.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + 3600)
    .sign(key);
}
