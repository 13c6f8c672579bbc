import { Id, RegionCode } from './common.js';
import * as z from './zod.js';

export const Role = z.enum(['enterprise', 'provider', 'admin']);
export type Role = z.infer<typeof Role>;

/**
 * A center staff member's level, lowest last: 管理员 (admin) also keeps the center's staff and reads its audit log,
 * 业务员 (staff) works the queues, 只读 (viewer) reads them.
 */
export const StaffRole = z.enum(['admin', 'staff', 'viewer']);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * A signed-in user as the platform sees one. An administrator acts for a region and everything below it; an
 * enterprise or a provider acts for its own organisation only.
 */
export const Principal = z.object({
  userId: Id,
  name: z.string(),
  role: Role,
  /** A center account's level; null for an enterprise or a provider. Every center account has `role: 'admin'`. */
  staffRole: z.nullable(StaffRole),
  regionCode: z.nullable(RegionCode),
  enterpriseId: z.nullable(Id),
  providerId: z.nullable(Id),
});
export type Principal = z.infer<typeof Principal>;

/**
 * The signed-in user's own account (`GET /me`): who the platform takes the token for, so that a widget shows a
 * center's staff member only what their level allows, and names the center's region, without reading the token.
 */
export const Account = z.object({
  ...Principal.shape,
  /** The name of `regionCode` (广州市) in Chinese, as the region list has it: a center's region, a provider's registered one. */
  regionName: z.nullable(z.string()),
});
export type Account = z.infer<typeof Account>;

/** A seeded demo user, offered by the demo sign-in page. */
export const DemoUser = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  organization: z.string(),
  regionCode: z.nullable(RegionCode),
  /** A center account's level (admin, staff, viewer); null for enterprises and providers. */
  staffRole: z.optional(z.nullable(StaffRole)),
});
export type DemoUser = z.infer<typeof DemoUser>;

export const DemoUserList = z.object({ items: z.array(DemoUser) });
export type DemoUserList = z.infer<typeof DemoUserList>;

export const DemoTokenRequest = z.object({ userId: Id });
export type DemoTokenRequest = z.infer<typeof DemoTokenRequest>;

export const DemoToken = z.object({ token: z.string(), expiresAt: z.string() });
export type DemoToken = z.infer<typeof DemoToken>;

/** The query of `GET /demo/users`. */
export const DemoUsersQuery = z.object({ role: z.optional(Role) });
export type DemoUsersQuery = z.infer<typeof DemoUsersQuery>;

/** The demo issuer's public keys (RFC 7517), for anyone checking its tokens. */
export const DemoJwks = z.object({
  // A JWK's members depend on its key type (the demo's is EC P-256: crv, x, y), and RFC 7517 lets it carry more.
  keys: z.array(
    z.looseObject({
      kty: z.string(),
      kid: z.string(),
      alg: z.optional(z.string()),
      use: z.optional(z.string()),
      crv: z.optional(z.string()),
      x: z.optional(z.string()),
      y: z.optional(z.string()),
    }),
  ),
});
export type DemoJwks = z.infer<typeof DemoJwks>;
