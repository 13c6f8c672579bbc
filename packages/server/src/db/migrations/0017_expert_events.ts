import type { Kysely } from 'kysely';

// The experts an expert clinic (专家问诊, events of type `expertClinic`) names, in the order the organiser lists them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_experts')
    .addColumn('event_seq', 'integer', (column) => column.notNull().references('events.seq'))
    .addColumn('expert_seq', 'integer', (column) => column.notNull().references('experts.seq'))
    .addColumn('position', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('event_experts_pk', ['event_seq', 'expert_seq'])
    .execute();
  await db.schema.createIndex('event_experts_expert').on('event_experts').columns(['expert_seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_experts').execute();
}
