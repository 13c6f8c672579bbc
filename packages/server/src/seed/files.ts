// The demo's sample licence: one small PNG whose key is public (the OpenAPI document's example reads it back).
import { createHash } from 'node:crypto';
import { DEMO_FILE, PIXEL_PNG } from '@smec/schemas/openapi';
import type { DatabaseHandle } from '../db/database.js';
import { keyHash } from '../files/store.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import type { SeedOptions } from './catalog.js';

const SAMPLE_PNG = Buffer.from(PIXEL_PNG, 'base64');

export function seedFiles(handle: DatabaseHandle, options: SeedOptions): void {
  const { sqlite } = handle;
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO files (id, media_type, size, sha256, content, key_hash, uploaded_at, uploaded_ts)
         VALUES (?, 'image/png', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        DEMO_FILE.id,
        SAMPLE_PNG.length,
        createHash('sha256').update(SAMPLE_PNG).digest('hex'),
        SAMPLE_PNG,
        keyHash(DEMO_FILE.key),
        shanghaiDateTime(options.asOf),
        options.asOf,
      );
    sqlite
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('files_seeded_at', new Date(options.asOf).toISOString());
  })();
}
