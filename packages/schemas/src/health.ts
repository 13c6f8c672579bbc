import { DateTime } from './common.js';
import * as z from './zod.js';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unavailable']),
  version: z.string(),
  time: DateTime,
});
export type Health = z.infer<typeof Health>;
