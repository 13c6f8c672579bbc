import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseDialect } from './database.js';
import { PostgresSchemaPlugin } from './postgres.js';
import * as catalog from './migrations/0001_catalog.js';
import * as demands from './migrations/0002_demands.js';
import * as events from './migrations/0003_events.js';
import * as vouchers from './migrations/0004_vouchers.js';
import * as ratings from './migrations/0005_ratings.js';
import * as policies from './migrations/0006_policies.js';
import * as rateLimits from './migrations/0007_rate_limits.js';
import * as files from './migrations/0008_files.js';
import * as providerApplications from './migrations/0009_provider_applications.js';
import * as providerReview from './migrations/0010_provider_review.js';
import * as experts from './migrations/0012_experts.js';
import * as applicationDrafts from './migrations/0013_application_drafts.js';
import * as fileStore from './migrations/0014_file_store.js';
import * as publicNotice from './migrations/0015_public_notice.js';
import * as providerSelfService from './migrations/0016_provider_self_service.js';
import * as expertEvents from './migrations/0017_expert_events.js';
import * as auditLog from './migrations/0018_audit_log.js';
import * as notifications from './migrations/0019_notifications.js';
import * as staffRoles from './migrations/0020_staff_roles.js';
import * as eventAdmin from './migrations/0021_event_admin.js';
import * as centerBatchesPolicies from './migrations/0022_center_batches_policies.js';
import * as notificationDelivery from './migrations/0024_notification_delivery.js';
import * as settlement from './migrations/0025_settlement.js';
import * as followUpActions from './migrations/0026_follow_up_actions.js';
import * as demandRouting from './migrations/0028_demand_routing.js';
import * as orders from './migrations/0029_orders.js';
import * as evaluation from './migrations/0030_evaluation.js';
import * as centers from './migrations/0032_centers.js';

/** Migrations live in code (not read from a folder), so they ship inside the bundle and run the same everywhere. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_catalog': catalog,
  '0002_demands': demands,
  '0003_events': events,
  '0004_vouchers': vouchers,
  '0005_ratings': ratings,
  '0006_policies': policies,
  '0007_rate_limits': rateLimits,
  '0008_files': files,
  '0009_provider_applications': providerApplications,
  '0010_provider_review': providerReview,
  '0012_experts': experts,
  '0013_application_drafts': applicationDrafts,
  '0014_file_store': fileStore,
  '0015_public_notice': publicNotice,
  '0016_provider_self_service': providerSelfService,
  '0017_expert_events': expertEvents,
  '0018_audit_log': auditLog,
  '0019_notifications': notifications,
  '0020_staff_roles': staffRoles,
  '0021_event_admin': eventAdmin,
  '0022_center_batches_policies': centerBatchesPolicies,
  '0024_notification_delivery': notificationDelivery,
  '0025_settlement': settlement,
  '0026_follow_up_actions': followUpActions,
  '0028_demand_routing': demandRouting,
  '0029_orders': orders,
  '0030_evaluation': evaluation,
  '0032_centers': centers,
};

class InCodeMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest<DB>(db: Kysely<DB>, dialect: DatabaseDialect): Promise<void> {
  const migrator = new Migrator({
    db: dialect === 'postgres' ? db.withPlugin(new PostgresSchemaPlugin()) : db,
    provider: new InCodeMigrations(),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed`, { cause: error });
  }
}
