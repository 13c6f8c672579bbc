import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { shanghaiDayOf } from '@smec/schemas/rules';

/** No 0/O, 1/I: a tracking number is read out over the phone and typed from a screenshot. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * `XQ` (a demand's; `RZ` an application's) + the date in Asia/Shanghai (yyyymmdd) + six random characters, e.g.
 * `XQ20261128K7M3Q9`.
 */
export function newTrackingNo(now: Date, prefix: 'XQ' | 'RZ' = 'XQ'): string {
  const day = shanghaiDayOf(now).replaceAll('-', '');
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return `${prefix}${day}${suffix}`;
}

/** A random public id for a new demand. */
export function newDemandId(): string {
  let id = 'dmd-';
  for (let i = 0; i < 12; i++) id += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]?.toLowerCase();
  return id;
}

/** The keyed hash of a phone number that the public lookup compares; the key is the database's own secret. */
export function phoneHash(secret: Buffer, phone: string): string {
  return createHmac('sha256', secret).update('demand-phone\n').update(phone).digest('base64url');
}

/** Compares two hashes in time that does not depend on where they differ. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** 138****1234: enough for its owner to recognise, useless to anyone else. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
