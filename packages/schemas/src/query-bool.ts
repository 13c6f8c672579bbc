import { impliedMaxLength } from './bounds.js';
import * as z from './zod.js';

// Apart from query.ts, which a response module (demand.ts's list filter) would otherwise pull whole into a browser
// bundle.

/**
 * Query-string boolean: `true`/`false`/`1`/`0`, in any case. zod documents it as a bare string; the pattern and the
 * length say what it takes.
 */
export const QueryBool = z
  .stringbool({ truthy: ['true', '1'], falsy: ['false', '0'] })
  .check(z.meta({ pattern: '^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|1|0)$' }), impliedMaxLength(5));
