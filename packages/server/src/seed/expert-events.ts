// The experts of the seeded expert clinics (专家问诊): two to four listed experts each, whose specialties meet the
// clinic's categories, from the clinic's city when it has enough of them, else from anywhere in the province.
import { isRegionWithin } from '@smec/schemas/rules';
import type { DatabaseHandle } from '../db/database.js';
import type { SeedOptions } from './catalog.js';
import { Random } from './prng.js';

interface ClinicRow {
  seq: number;
  city_code: string | null;
  category_ids: string;
}

interface CandidateRow {
  seq: number;
  region_code: string;
}

export function seedExpertEvents(handle: DatabaseHandle, options: SeedOptions): void {
  const { sqlite } = handle;
  const random = new Random(19_017);
  const clinics = sqlite
    .prepare("SELECT seq, city_code, category_ids FROM events WHERE type = 'expertClinic' ORDER BY seq")
    .all() as ClinicRow[];
  const candidatesOf = sqlite.prepare(
    `SELECT DISTINCT e.seq, e.region_code FROM experts e
     JOIN expert_specialties s ON s.expert_seq = e.seq
     LEFT JOIN providers p ON p.id = e.provider_id
     WHERE e.listed = 1 AND (e.provider_id IS NULL OR p.listed = 1)
       AND s.category_id IN (SELECT value FROM json_each(?))
     ORDER BY e.seq`,
  );
  const insert = sqlite.prepare('INSERT INTO event_experts (event_seq, expert_seq, position) VALUES (?, ?, ?)');
  sqlite.transaction(() => {
    for (const clinic of clinics) {
      const all = candidatesOf.all(clinic.category_ids) as CandidateRow[];
      const city = clinic.city_code;
      const near = city === null ? [] : all.filter((row) => isRegionWithin(row.region_code, city));
      const chosen = random.sample(near.length >= 2 ? near : all, random.int(2, 4));
      chosen.forEach((expert, position) => insert.run(clinic.seq, expert.seq, position));
    }
    sqlite
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('expert_events_seeded_at', new Date(options.asOf).toISOString());
  })();
}
