import { Id, RegionCode } from './common.js';
import * as z from './zod.js';

export const Role = z.enum(['enterprise', 'provider', 'admin']);
export type Role = z.infer<typeof Role>;

/**
 * A signed-in user as the platform sees one. An administrator acts for a region and everything below it; an
 * enterprise or a provider acts for its own organisation only.
 */
export const Principal = z.object({
  userId: Id,
  name: z.string(),
  role: Role,
  regionCode: z.nullable(RegionCode),
  enterpriseId: z.nullable(Id),
  providerId: z.nullable(Id),
});
export type Principal = z.infer<typeof Principal>;

/** A seeded demo user, offered by the demo sign-in page. */
export const DemoUser = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  organization: z.string(),
  regionCode: z.nullable(RegionCode),
});
export type DemoUser = z.infer<typeof DemoUser>;

export const DemoUserList = z.object({ items: z.array(DemoUser) });
export type DemoUserList = z.infer<typeof DemoUserList>;

export const DemoTokenRequest = z.object({ userId: Id });
export type DemoTokenRequest = z.infer<typeof DemoTokenRequest>;

export const DemoToken = z.object({ token: z.string(), expiresAt: z.string() });
export type DemoToken = z.infer<typeof DemoToken>;
