/**
 * The address to link to when a value from the platform's data is a web address (http or https), written as the URL
 * parser normalises it (spaces percent-encoded, line breaks dropped), else undefined. A `javascript:` or `data:`
 * address typed into the platform by anyone must never become a link: not an href a widget renders (Lit escapes
 * text, not the scheme of an href), nor a link in a calendar file.
 */
export function webUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
