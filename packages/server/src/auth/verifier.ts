import type { Principal, StaffRole } from '@smec/schemas';
import {
  SignJWT,
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { Kysely } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { AccountStore, userIdOfSubject } from './accounts.js';
import { DEFAULT_CLAIM_NAMES, accountClaimsOf, type ClaimNames } from './claims.js';
import { DEMO_ALGORITHM, type DemoSigningKey } from './keys.js';

/** Asymmetric algorithms only: a shared-secret (HS*) or unsigned (`none`) token is refused whatever its header says. */
const ACCEPTED_ALGORITHMS = ['ES256', 'ES384', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'];

export const DEMO_TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

export interface AuthSettings {
  readonly issuer: string;
  readonly audience: string;
  /** An external issuer's key set (production). Without it, the server signs its own tokens (demo). */
  readonly jwksUrl?: string;
  /** The names of the claims that describe the account (`SMEC_CLAIM_*`). Default `DEFAULT_CLAIM_NAMES`. */
  readonly claims?: ClaimNames;
}

/** Whom a verified token names: the user's id and, when its claims described the account, the user's row. */
export interface Authenticated {
  readonly userId: string;
  /** The row as the claims made it, already read: no second read for `principal()`. */
  readonly user?: UserRow;
}

/** Why a token was refused; never shown in full to the caller, only logged at debug level. */
export class TokenRejected extends Error {
  override name = 'TokenRejected';
}

/** The token is genuine, but its center deactivated the account: refused (a 403) whatever the token says. */
export class AccountDeactivated extends Error {
  override name = 'AccountDeactivated';
}

/** Verifies bearer tokens and, in demo mode, issues them. */
export class Authenticator {
  readonly settings: AuthSettings;
  readonly demoKey: DemoSigningKey | undefined;
  readonly #keys: JWTVerifyGetKey;
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #regions: RegionIndex;
  readonly #accounts: AccountStore;
  readonly #claims: ClaimNames;

  constructor(
    db: Kysely<Database>,
    settings: AuthSettings,
    demoKey: DemoSigningKey | undefined,
    clock: Clock,
    regions: RegionIndex,
  ) {
    this.#db = db;
    this.#clock = clock;
    this.#regions = regions;
    this.#claims = settings.claims ?? DEFAULT_CLAIM_NAMES;
    this.#accounts = new AccountStore(db, regions, this.#claims);
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
    const { userId, user } = await this.authenticate(token);
    return user ? principalFromUser(user) : this.principalOf(userId);
  }

  /** The user a token names (`sub`) once its signature, issuer, audience and expiry are checked. */
  async subjectOf(token: string): Promise<string> {
    return (await this.authenticate(token)).userId;
  }

  /**
   * Checks the token, then, when its claims describe the account (a role claim), makes the user's row say what they
   * say: so that a route reading the user in its own SQL finds it. A token without a role claim names an existing
   * user by its subject alone (the demo issuer's, the seeded users). A claim that does not fit is `ClaimRejected`.
   */
  async authenticate(token: string): Promise<Authenticated> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.#keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
        // Expiry is judged by the server's clock, so a demo pinned to a day (SMEC_NOW) accepts the tokens it issues.
        currentDate: new Date(this.#clock.now()),
      }));
    } catch (error) {
      if (error instanceof joseErrors.JOSEError || error instanceof TypeError) {
        throw new TokenRejected(error.message, { cause: error });
      }
      throw error;
    }
    if (!payload.sub) throw new TokenRejected('The token names no subject');
    const userId = userIdOfSubject(payload.sub);
    const claims = accountClaimsOf(payload, this.#claims, (code) => this.#regions.get(code) !== undefined);
    if (!claims) return { userId };
    return { userId, user: await this.#accounts.ensure(userId, claims) };
  }

  /** The signed-in user `subject`; a token naming no user is refused. */
  async principalOf(subject: string): Promise<Principal> {
    const user = await this.#db
      .selectFrom('users')
      .select(['id', 'name', 'role', 'staff_role', 'region_code', 'enterprise_id', 'provider_id', 'active'])
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
  /** A center account's level; null (an account made before levels) counts as the center's administrator. */
  readonly staff_role: StaffRole | null;
  readonly region_code: string | null;
  readonly enterprise_id: string | null;
  readonly provider_id: string | null;
  /** 0 once its center deactivated the account. */
  readonly active: number;
}

/** The principal of a user's row; a deactivated account is `AccountDeactivated`. */
export function principalFromUser(user: UserRow): Principal {
  if (user.active === 0) throw new AccountDeactivated(`${user.id} is deactivated`);
  return {
    userId: user.id,
    name: user.name,
    role: user.role,
    staffRole: user.role === 'admin' ? (user.staff_role ?? 'admin') : null,
    regionCode: user.region_code,
    enterpriseId: user.enterprise_id,
    providerId: user.provider_id,
  };
}
