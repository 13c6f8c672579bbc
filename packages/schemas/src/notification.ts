import { DateTime, Id, pageOf } from './common.js';
import * as z from './zod.js';

/**
 * What the platform told a signed-in enterprise or provider user: an event cancelled or changed, a place on an
 * event freed for it, a voucher revoked or about to expire, a demand's matches, changes asked of an application, a
 * follow-up due. `title` and `body` are in the request's language.
 */
export const Notification = z.object({
  id: Id,
  /** What happened, e.g. `eventCancelled`; new kinds may come, so a reader shows `title` and `body` of any. */
  kind: z.string(),
  /** The entity it is about, to link to it (an event's id, a voucher's). */
  subject: z.object({ type: z.string(), id: z.string() }),
  title: z.string(),
  body: z.string(),
  createdAt: DateTime,
  readAt: z.nullable(DateTime),
});
export type Notification = z.infer<typeof Notification>;

/** A page of one user's notifications, newest first, with how many of all of them are unread. */
export const NotificationPage = z.object({
  ...pageOf(Notification).shape,
  unread: z.int().check(z.minimum(0)),
});
export type NotificationPage = z.infer<typeof NotificationPage>;
