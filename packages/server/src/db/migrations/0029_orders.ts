import { sql, type Kysely } from 'kysely';

// Orders without vouchers and engagements from matched demands. An engagement knows whether the product was free
// when ordered (a free product's price can change later, the order's amount cannot), so that a zero amount is
// allowed for free orders only and never with a voucher; it names the demand and the proposal it came from, one
// live engagement per demand; the demand's timeline names the engagement of its step.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('engagements')
    .addColumn('price_kind', 'text', (column) =>
      column
        .notNull()
        .defaultTo('paid')
        .check(
          sql`price_kind in ('paid', 'free') and case when price_kind = 'free'
            then contract_amount = 0 and voucher_amount = 0 and self_paid = 0 and voucher_id is null
            else contract_amount >= 100 end`,
        ),
    )
    .execute();
  await db.schema
    .alterTable('engagements')
    .addColumn('demand_id', 'text', (column) => column.references('demands.id'))
    .execute();
  await db.schema
    .alterTable('engagements')
    .addColumn('demand_proposal_id', 'text', (column) => column.references('demand_proposals.id'))
    .execute();
  // A demand is served by one engagement at a time: a second accepted proposal is refused by the database too;
  // once that engagement is cancelled, another proposal may be accepted.
  await db.schema
    .createIndex('engagements_demand_once')
    .on('engagements')
    .column('demand_id')
    .unique()
    .where(sql.ref('demand_id'), 'is not', null)
    .where(sql.ref('status'), '<>', 'cancelled')
    .execute();
  await db.schema
    .alterTable('demand_timeline')
    .addColumn('engagement_id', 'text', (column) => column.references('engagements.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('demand_timeline').dropColumn('engagement_id').execute();
  await db.schema.dropIndex('engagements_demand_once').execute();
  await db.schema.alterTable('engagements').dropColumn('demand_proposal_id').execute();
  await db.schema.alterTable('engagements').dropColumn('demand_id').execute();
  await db.schema.alterTable('engagements').dropColumn('price_kind').execute();
}
