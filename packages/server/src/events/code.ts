// The registration code an enterprise shows at the door (check-in): short, typed by hand, no look-alike characters.
import { createHash, randomBytes } from 'node:crypto';

/** Crockford-like: no I, O, 0 or 1, which are misread. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const REGISTRATION_CODE_LENGTH = 10;

function codeOf(bytes: Buffer): string {
  let code = '';
  for (let index = 0; index < REGISTRATION_CODE_LENGTH; index++) code += ALPHABET[(bytes[index] ?? 0) % 32];
  return code;
}

/** A new registration's code: random, so that one code says nothing of another. */
export function newRegistrationCode(): string {
  return codeOf(randomBytes(REGISTRATION_CODE_LENGTH));
}

/**
 * The code of a registration that had none (the seed's and those made before codes existed), derived from its id:
 * the same on every run of the seed, and 50 bits make two equal codes among a million registrations unlikely.
 */
export function derivedRegistrationCode(registrationId: string): string {
  return codeOf(createHash('sha256').update(`registration-code ${registrationId}`).digest());
}
