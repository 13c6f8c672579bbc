import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export const DEMO_ALGORITHM = 'ES256';

/** The demo issuer's signing key and its public half, as served at `/demo/jwks.json`. */
export interface DemoSigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

interface StoredKey {
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

/**
 * The demo issuer's key pair, generated once and kept in the `meta` table, so that every instance sharing the
 * database signs and accepts the same tokens. Of two instances racing to create it, the first insert wins and both
 * read it back.
 */
export async function loadDemoSigningKey(db: Kysely<Database>): Promise<DemoSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(DEMO_ALGORITHM, { extractable: true });
  const kid = `demo-${randomBytes(6).toString('hex')}`;
  const candidate: StoredKey = {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: DEMO_ALGORITHM, use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: DEMO_ALGORITHM, use: 'sig' },
  };
  await db
    .insertInto('meta')
    .values({ key: 'demo_jwt_key', value: JSON.stringify(candidate) })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'demo_jwt_key').executeTakeFirstOrThrow();
  const stored = JSON.parse(row.value) as StoredKey;
  const key = await importJWK(stored.privateJwk, DEMO_ALGORITHM);
  if (key instanceof Uint8Array) throw new Error('The stored demo key is not an asymmetric key');
  return { kid: stored.kid, privateKey: key, publicJwk: stored.publicJwk };
}
