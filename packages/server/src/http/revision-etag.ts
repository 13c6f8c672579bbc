// The ETag of a resource a center edits with If-Match: its revision (the center's version of it), which If-Match
// compares, and, on a read, the hash of the bytes too, so that a revalidation sees every change (a batch's quota
// left changes with each claim, a policy's status with the day) while an edit is held up only by another edit.
import { etagOf } from './etag.js';

/** `"<id>.r<revision>"`, and on a read `"<id>.r<revision>-<hash of the body>"`. */
export function revisionEtag(id: string, revision: number, body?: unknown): string {
  if (body === undefined) return `"${id}.r${revision}"`;
  return `"${id}.r${revision}-${etagOf(JSON.stringify(body)).slice(1, 17)}"`;
}

/** True when `If-Match` names the resource's revision, in either form (a compressed read's tag included). */
export function revisionHolds(given: readonly string[] | '*', id: string, revision: number): boolean {
  if (given === '*') return true;
  const plain = `"${id}.r${revision}"`;
  return given.some((tag) => {
    const bare = tag.replace(/-(br|gzip)"$/, '"');
    return bare === plain || (bare.startsWith(`"${id}.r${revision}-`) && bare.endsWith('"'));
  });
}
