// The rules of an applicant's own access to its application to join: the draft saved across devices and the
// private resume link. Zod-free, so the application widget can use them.
import { APPLICATION_NO_PATTERN } from './provider-application.js';

/** The header that carries the resume key: whoever holds it reads and edits the draft or the application. */
export const RESUME_KEY_HEADER = 'smec-resume-key';

/** A resume key as the platform draws it: 32 random bytes in base64url. */
export const RESUME_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A draft is kept this many days after its last save, then forgotten. */
export const DRAFT_LIFETIME_DAYS = 30;

/** The name of the resume link's fragment parameter: `#smec-resume=<applicationNo>.<resumeKey>`. */
export const RESUME_FRAGMENT = 'smec-resume';

export interface ResumeCredentials {
  readonly applicationNo: string;
  readonly resumeKey: string;
}

/**
 * The fragment of a private resume link. A fragment is never sent to a server nor in a `Referer`, so the key stays
 * in the applicant's browser however the page was opened.
 */
export function resumeFragment(credentials: ResumeCredentials): string {
  return `${RESUME_FRAGMENT}=${credentials.applicationNo}.${credentials.resumeKey}`;
}

/** The number and key of a resume link's fragment (`#smec-resume=…`, with or without the `#`), if it has them. */
export function parseResumeFragment(hash: string): ResumeCredentials | undefined {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const value = params.get(RESUME_FRAGMENT);
  const dot = value?.indexOf('.') ?? -1;
  if (!value || dot < 0) return undefined;
  const applicationNo = value.slice(0, dot);
  const resumeKey = value.slice(dot + 1);
  return APPLICATION_NO_PATTERN.test(applicationNo) && RESUME_KEY_PATTERN.test(resumeKey)
    ? { applicationNo, resumeKey }
    : undefined;
}
