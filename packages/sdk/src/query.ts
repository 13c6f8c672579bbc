/** A value a query parameter can take; `undefined` and `null` leave the parameter out. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** Query parameters: numbers and booleans are written as `12` and `true`, arrays as repeated parameters. */
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** The query string for `params`, with its leading `?`, or an empty string when nothing is set. */
export function toQueryString(params: QueryParams | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
