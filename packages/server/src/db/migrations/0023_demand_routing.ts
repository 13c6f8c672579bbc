import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { demandDeadlinesFrom, DEFAULT_DEADLINES } from '../../demands/deadline-days.js';

// The routing of demands between centers: each region's deadlines (working days to accept, to match first), each
// demand's deadlines as instants (so that "overdue" is a WHERE), the proposals as rows (one provider, or one of its
// products, once per demand) instead of a JSON column, whether the enterprise shares its contact with them, and the
// timeline's transfers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('demand_deadlines')
    .addColumn('region_code', 'text', (column) => column.primaryKey().references('regions.code'))
    .addColumn('accept_days', 'integer', (column) => column.notNull().check(sql`accept_days between 1 and 30`))
    .addColumn('first_match_days', 'integer', (column) =>
      column.notNull().check(sql`first_match_days between 1 and 30`),
    )
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull())
    .addColumn('revision', 'integer', (column) =>
      column
        .notNull()
        .defaultTo(1)
        .check(sql`revision >= 1`),
    )
    .execute();

  await db.schema
    .alterTable('demands')
    .addColumn('contact_shared', 'integer', (column) =>
      column
        .notNull()
        .defaultTo(1)
        .check(sql`contact_shared in (0, 1)`),
    )
    .execute();
  await db.schema.alterTable('demands').addColumn('accept_by_ts', 'integer').execute();
  await db.schema.alterTable('demands').addColumn('first_match_by_ts', 'integer').execute();
  await db.schema
    .alterTable('demand_timeline')
    .addColumn('kind', 'text', (column) => column.check(sql`kind in ('transferred')`))
    .execute();
  await db.schema
    .alterTable('demand_timeline')
    .addColumn('to_region', 'text', (column) => column.references('regions.code'))
    .execute();

  await db.schema
    .createTable('demand_proposals')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('demand_seq', 'integer', (column) => column.notNull().references('demands.seq'))
    .addColumn('provider_id', 'text', (column) => column.notNull().references('providers.id'))
    .addColumn('product_id', 'text', (column) => column.references('products.id'))
    .addColumn('note', 'text', (column) => column.check(sql`length(note) <= 200`))
    .addColumn('proposed_at', 'text', (column) => column.notNull())
    .addColumn('proposed_ts', 'integer', (column) => column.notNull())
    .addColumn('proposed_by', 'text')
    // Its place among the demand's proposals: at most five, in the order they were made.
    .addColumn('position', 'integer', (column) => column.notNull().check(sql`position between 0 and 4`))
    .addUniqueConstraint('demand_proposals_once', ['demand_seq', 'provider_id', 'product_id'])
    .addUniqueConstraint('demand_proposals_position', ['demand_seq', 'position'])
    .execute();
  // UNIQUE lets NULLs repeat: a provider proposed without a product is held once by this one.
  await db.schema
    .createIndex('demand_proposals_provider_once')
    .on('demand_proposals')
    .columns(['demand_seq', 'provider_id'])
    .unique()
    .where(sql.ref('product_id'), 'is', null)
    .execute();
  // A provider's proposals, newest first.
  await db.schema
    .createIndex('demand_proposals_by_provider')
    .on('demand_proposals')
    .columns(['provider_id', 'proposed_ts', 'id'])
    .execute();

  await moveMatches(db);
  await db.schema.alterTable('demands').dropColumn('matches').execute();
  await fillDeadlines(db);
  await db.schema.createIndex('demands_accept_by').on('demands').columns(['status', 'accept_by_ts']).execute();
  await db.schema
    .createIndex('demands_first_match_by')
    .on('demands')
    .columns(['status', 'first_match_by_ts'])
    .execute();
}

interface StoredMatch {
  readonly providerId: string;
  readonly productId: string | null;
  readonly note: string | null;
}

/** The JSON matches become rows, dated by the demand's last change (when the match was made, or later). */
async function moveMatches(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{ seq: number; matches: string; updated_at: string }>`
    select seq, matches, updated_at from demands where matches <> '[]'`.execute(db);
  for (const row of rows.rows) {
    const seen = new Set<string>();
    // A match of the old API could list ten; the rule is five now, and the first five are the center's first choice.
    for (const match of JSON.parse(row.matches) as StoredMatch[]) {
      const key = `${match.providerId} ${match.productId ?? ''}`;
      if (seen.has(key) || seen.size >= 5) continue;
      await sql`insert into demand_proposals
          (id, demand_seq, provider_id, product_id, note, proposed_at, proposed_ts, position)
        values (${`dpr-${randomBytes(8).toString('hex')}`}, ${row.seq}, ${match.providerId}, ${match.productId ?? null},
          ${match.note ?? null}, ${row.updated_at}, ${Date.parse(row.updated_at)}, ${seen.size})`.execute(db);
      seen.add(key);
    }
  }
}

/** No region had deadlines of its own before: every demand's count from its submission with the defaults. */
async function fillDeadlines(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{ seq: number; submitted_ts: number }>`select seq, submitted_ts from demands`.execute(db);
  for (const row of rows.rows) {
    const due = demandDeadlinesFrom(Number(row.submitted_ts), DEFAULT_DEADLINES);
    await sql`update demands set accept_by_ts = ${due.acceptBy}, first_match_by_ts = ${due.firstMatchBy}
      where seq = ${row.seq}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('demands')
    .addColumn('matches', 'text', (column) => column.notNull().defaultTo('[]'))
    .execute();
  await db.schema.dropIndex('demands_first_match_by').execute();
  await db.schema.dropIndex('demands_accept_by').execute();
  await db.schema.dropTable('demand_proposals').execute();
  await db.schema.alterTable('demand_timeline').dropColumn('to_region').execute();
  await db.schema.alterTable('demand_timeline').dropColumn('kind').execute();
  await db.schema.alterTable('demands').dropColumn('first_match_by_ts').execute();
  await db.schema.alterTable('demands').dropColumn('accept_by_ts').execute();
  await db.schema.alterTable('demands').dropColumn('contact_shared').execute();
  await db.schema.dropTable('demand_deadlines').execute();
}
