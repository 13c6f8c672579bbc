import type { Principal } from '@smec/schemas';
import {
  SignJWT,
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { DEMO_ALGORITHM, type DemoSigningKey } from './keys.js';

/** Asymmetric algorithms only: a shared-secret (HS*) or unsigned (`none`) token is refused whatever its header says. */
const ACCEPTED_ALGORITHMS = ['ES256', 'ES384', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'];

export const DEMO_TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

export interface AuthSettings {
  readonly issuer: string;
  readonly audience: string;
  /** An external issuer's key set (production). Without it, the server signs its own tokens (demo). */
  readonly jwksUrl?: string;
}

/** Why a token was refused; never shown in full to the caller, only logged at debug level. */
export class TokenRejected extends Error {
  override name = 'TokenRejected';
}

/** Verifies bearer tokens and, in demo mode, issues them. */
export class Authenticator {
  readonly settings: AuthSettings;
  readonly demoKey: DemoSigningKey | undefined;
  readonly #keys: JWTVerifyGetKey;
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;

  constructor(db: Kysely<Database>, settings: AuthSettings, demoKey: DemoSigningKey | undefined, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
    this.settings = settings;
    this.demoKey = demoKey;
    if (settings.jwksUrl) this.#keys = createRemoteJWKSet(new URL(settings.jwksUrl));
    else if (demoKey) this.#keys = createLocalJWKSet({ keys: [demoKey.publicJwk] });
    else this.#keys = createLocalJWKSet({ keys: [] });
  }

  /** The public key set of the demo issuer. */
  jwks(): { keys: unknown[] } {
    return { keys: this.demoKey ? [this.demoKey.publicJwk] : [] };
  }

  /** Checks signature, issuer, audience and expiry, then finds the user the token names (`sub`). */
  async verify(token: string): Promise<Principal> {
    return this.principalOf(await this.subjectOf(token));
  }

  /** The user a token names (`sub`) once its signature, issuer, audience and expiry are checked. */
  async subjectOf(token: string): Promise<string> {
    let subject: string | undefined;
    try {
      const { payload } = await jwtVerify(token, this.#keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
        // Expiry is judged by the server's clock, so a demo pinned to a day (SMEC_NOW) accepts the tokens it issues.
        currentDate: new Date(this.#clock.now()),
      });
      subject = payload.sub;
    } catch (error) {
      if (error instanceof joseErrors.JOSEError || error instanceof TypeError) {
        throw new TokenRejected(error.message, { cause: error });
      }
      throw error;
    }
    if (!subject) throw new TokenRejected('The token names no subject');
    return subject;
  }

  /** The signed-in user `subject`; a token naming no user is refused. */
  async principalOf(subject: string): Promise<Principal> {
    const user = await this.#db
      .selectFrom('users')
      .select(['id', 'name', 'role', 'region_code', 'enterprise_id', 'provider_id'])
      .where('id', '=', subject)
      .executeTakeFirst();
    if (!user) throw new TokenRejected(`No user ${subject}`);
    return principalFromUser(user);
  }

  /** A demo token for a user, valid for eight hours. */
  async issue(userId: string): Promise<{ token: string; expiresAt: Date }> {
    if (!this.demoKey) throw new Error('This server does not issue tokens');
    const issuedAt = Math.floor(this.#clock.now() / 1000);
    const expiresAt = issuedAt + DEMO_TOKEN_LIFETIME_SECONDS;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: DEMO_ALGORITHM, kid: this.demoKey.kid, typ: 'JWT' })
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setSubject(userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.demoKey.privateKey);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }
}

/** A user's row, as the token check reads it. */
export interface UserRow {
  readonly id: string;
  readonly name: string;
  readonly role: Principal['role'];
  readonly region_code: string | null;
  readonly enterprise_id: string | null;
  readonly provider_id: string | null;
}

export function principalFromUser(user: UserRow): Principal {
  return {
    userId: user.id,
    name: user.name,
    role: user.role,
    regionCode: user.region_code,
    enterpriseId: user.enterprise_id,
    providerId: user.provider_id,
  };
}
