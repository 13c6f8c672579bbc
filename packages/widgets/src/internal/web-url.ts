/**
 * The address to link to when a value from the platform's data is a web address (http or https), else undefined.
 * Lit escapes text but not the scheme of an href: a `javascript:` address typed into the platform by anyone must
 * never become a link that runs script on the host page.
 */
export function webUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
