import { parseResumeFragment, resumeFragment, type ResumeCredentials } from '@smec/schemas/rules';

/**
 * Where the application's number and resume key are kept on this device, so that a reload resumes it. They are
 * the applicant's own access to the application, kept as the private link carries them; `no-draft` keeps nothing.
 */
export function defaultStoreKey(): string {
  return `smec-application:${location.pathname}`;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Blocked storage: the private link still resumes.
    return undefined;
  }
}

export function readCredentials(key: string): ResumeCredentials | undefined {
  try {
    return parseResumeFragment(storage()?.getItem(key) ?? '');
  } catch {
    return undefined;
  }
}

export function writeCredentials(key: string, credentials: ResumeCredentials): void {
  try {
    storage()?.setItem(key, resumeFragment(credentials));
  } catch {
    // A full or blocked storage loses the link on this device, never the application.
  }
}

export function forgetCredentials(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to forget.
  }
}

/**
 * The private resume link: this page with the number and key in its fragment, which is never sent to a server nor
 * in a `Referer`, so the key stays in the applicant's browser however the link is opened.
 */
export function resumeLink(credentials: ResumeCredentials, href = location.href): string {
  const url = new URL(href);
  url.hash = resumeFragment(credentials);
  return url.href;
}

/** The credentials of the link the page was opened with, if any. */
export function linkCredentials(hash = location.hash): ResumeCredentials | undefined {
  return parseResumeFragment(hash);
}
