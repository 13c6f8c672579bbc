// The accounts an identity provider's tokens describe: created on first use, brought up to date when the claims
// change, and otherwise only read (one statement per request).
import { createHash } from 'node:crypto';
import { regionCityOf } from '@smec/schemas/rules';
import type { Kysely, Transaction } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Database, UserTable } from '../db/schema.js';
import { CLAIM_REASONS, ClaimRejected, quoted, usccRegionCode, type AccountClaims, type ClaimNames } from './claims.js';
import { UNKNOWN_ENTERPRISE_PROFILE, enterpriseIdOf } from './enterprise-profile.js';
import type { UserRow } from './verifier.js';

const USER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Where token-made accounts sort in the demo sign-in list: after every seeded user (they are not demo users). */
const ISSUED_ACCOUNT_POSITION = 1_000_000;

/**
 * The users row a token's subject names. A subject that is already a platform id (lower-case letters, digits and
 * hyphens, as the seeded users' are) is used as it is; any other (an identity provider's `Abc|123`) becomes a stable
 * id of its hash, because subjects are case-sensitive and may hold any character, and ids may not.
 */
export function userIdOfSubject(subject: string): string {
  if (USER_ID.test(subject)) return subject;
  return `sub-${createHash('sha256').update(subject).digest('hex').slice(0, 32)}`;
}

/** The user's row as the claims are compared with it: with its enterprise's code and name. */
interface StoredAccount extends UserRow {
  readonly organization: string;
  readonly enterprise_uscc: string | null;
  readonly enterprise_name: string | null;
}

/** True when the stored account says what the claims say, so that nothing needs writing. */
function upToDate(stored: StoredAccount, claims: AccountClaims): boolean {
  if (stored.role !== claims.role || stored.name !== claims.name) return false;
  switch (claims.role) {
    case 'enterprise':
      return (
        stored.provider_id === null &&
        stored.enterprise_uscc === claims.uscc &&
        stored.enterprise_name === claims.enterpriseName &&
        stored.organization === claims.enterpriseName
      );
    case 'provider':
      return stored.enterprise_id === null && stored.provider_id === claims.providerId;
    case 'admin':
      return (
        stored.enterprise_id === null &&
        stored.provider_id === null &&
        stored.region_code === claims.regionCode &&
        (claims.staffRole === undefined || stored.staff_role === claims.staffRole)
      );
  }
}

type Link = Pick<UserTable, 'organization' | 'region_code' | 'enterprise_id' | 'provider_id'>;

/**
 * Creates, updates and reads the accounts tokens describe. A role change is taken as the claims say: the row is
 * rewritten from the claims alone (organisation, region, enterprise and provider), so nothing of the old role stays
 * behind (an enterprise user who becomes a provider's keeps no hold on the enterprise's vouchers).
 */
export class AccountStore {
  readonly #db: Kysely<Database>;
  readonly #regions: RegionIndex;
  readonly #names: ClaimNames;

  constructor(db: Kysely<Database>, regions: RegionIndex, names: ClaimNames) {
    this.#db = db;
    this.#regions = regions;
    this.#names = names;
  }

  /**
   * The user `userId` as `claims` describe it: read, and written only when missing or different. Two first requests
   * at once both write, and the unique keys (the user's id, the enterprise's credit code) make them one row each.
   */
  async ensure(userId: string, claims: AccountClaims): Promise<UserRow> {
    const stored = await this.#db
      .selectFrom('users as u')
      .leftJoin('enterprises as e', 'e.id', 'u.enterprise_id')
      .select([
        'u.id',
        'u.name',
        'u.role',
        'u.organization',
        'u.region_code',
        'u.enterprise_id',
        'u.provider_id',
        'u.staff_role',
        'u.active',
        'e.uscc as enterprise_uscc',
        'e.name as enterprise_name',
      ])
      .where('u.id', '=', userId)
      .executeTakeFirst();
    if (stored && upToDate(stored, claims)) return stored;
    return this.#db.transaction().execute(async (trx) => {
      const link = await this.#linkOf(trx, claims);
      // A center account the token gives no level keeps the one its center gave it; a new one is the administrator.
      const staffRole =
        claims.role === 'admin'
          ? (claims.staffRole ?? (stored?.role === 'admin' ? stored.staff_role : null) ?? 'admin')
          : null;
      const row = { id: userId, name: claims.name, role: claims.role, staff_role: staffRole, ...link };
      await trx
        .insertInto('users')
        .values({ ...row, position: ISSUED_ACCOUNT_POSITION })
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet({
            name: claims.name,
            role: claims.role,
            staff_role: staffRole,
            organization: link.organization,
            region_code: link.region_code,
            enterprise_id: link.enterprise_id,
            provider_id: link.provider_id,
          }),
        )
        .execute();
      // Claims never reactivate an account its center deactivated.
      return { ...row, active: stored?.active ?? 1 };
    });
  }

  /** What the claims link the user to, checked against the platform's records (refused when there is no such). */
  async #linkOf(trx: Transaction<Database>, claims: AccountClaims): Promise<Link> {
    switch (claims.role) {
      case 'enterprise': {
        const enterprise = await this.#enterprise(trx, claims.uscc, claims.enterpriseName);
        return {
          organization: claims.enterpriseName,
          region_code: enterprise.region_code,
          enterprise_id: enterprise.id,
          provider_id: null,
        };
      }
      case 'provider': {
        const provider = await trx
          .selectFrom('providers')
          .select(['id', 'name', 'city_code'])
          .where('id', '=', claims.providerId)
          .executeTakeFirst();
        if (!provider)
          throw new ClaimRejected(this.#names.provider, CLAIM_REASONS.noProvider, { value: quoted(claims.providerId) });
        return {
          organization: provider.name,
          region_code: provider.city_code,
          enterprise_id: null,
          provider_id: provider.id,
        };
      }
      case 'admin': {
        const region = this.#regions.get(claims.regionCode);
        if (!region)
          throw new ClaimRejected(this.#names.region, CLAIM_REASONS.noRegion, { value: quoted(claims.regionCode) });
        return {
          organization: region.level === 'province' ? '广东省中小企业服务中心' : `${region.name}中小企业服务中心`,
          region_code: region.code,
          enterprise_id: null,
          provider_id: null,
        };
      }
    }
  }

  /**
   * The enterprise of a credit code, its name brought in line with the claim. A code the platform has no record of
   * makes a new enterprise in the region the code was issued in (characters 3–8), which must be one of the
   * platform's; the fields no token carries are "unknown" (`UNKNOWN_ENTERPRISE_PROFILE`).
   */
  async #enterprise(
    trx: Transaction<Database>,
    uscc: string,
    name: string,
  ): Promise<{ id: string; region_code: string }> {
    const existing = await trx
      .selectFrom('enterprises')
      .select(['id', 'name', 'region_code'])
      .where('uscc', '=', uscc)
      .executeTakeFirst();
    if (existing) {
      if (existing.name !== name)
        await trx.updateTable('enterprises').set({ name }).where('id', '=', existing.id).execute();
      return existing;
    }
    const regionCode = usccRegionCode(uscc);
    if (!this.#regions.get(regionCode)) {
      throw new ClaimRejected(this.#names.uscc, CLAIM_REASONS.divisionUnknown, { value: regionCode });
    }
    // A concurrent first sign-in of the same enterprise may have inserted it since the read: the code is unique, so
    // this one updates the name instead and both users end up on the one row.
    return trx
      .insertInto('enterprises')
      .values({
        id: enterpriseIdOf(uscc),
        uscc,
        name,
        region_code: regionCode,
        city_code: regionCityOf(regionCode),
        ...UNKNOWN_ENTERPRISE_PROFILE,
      })
      .onConflict((conflict) => conflict.column('uscc').doUpdateSet({ name }))
      .returning(['id', 'region_code'])
      .executeTakeFirstOrThrow();
  }
}
