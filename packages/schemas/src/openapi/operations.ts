// The operations table of the platform API, one module per domain. The document lists them in this order.
import type { Operation } from './operation.js';
import { catalogOperations } from './operations/catalog.js';
import { demandOperations } from './operations/demands.js';
import { demoOperations } from './operations/demo.js';
import { eventOperations } from './operations/events.js';
import { fileOperations } from './operations/files.js';
import { platformOperations } from './operations/platform.js';
import { policyOperations } from './operations/policies.js';
import { centerOperations } from './operations/centers.js';
import { providerApplicationOperations } from './operations/provider-applications.js';
import { ratingOperations } from './operations/ratings.js';
import { voucherOperations } from './operations/vouchers.js';
import { applicationDraftOperations } from './operations/application-drafts.js';
import { publicNoticeOperations } from './operations/public-notices.js';
import { meProductOperations } from './operations/me-products.js';
import { providerAccountOperations } from './operations/provider-accounts.js';
import { expertOperations } from './operations/experts.js';
import { notificationOperations } from './operations/notifications.js';
import { voucherBatchAdminOperations } from './operations/voucher-batch-admin.js';
import { policyWriteOperations } from './operations/policy-writes.js';
import { eventAdminOperations } from './operations/event-admin.js';
import { staffOperations } from './operations/staff.js';
import { settlementOperations } from './operations/settlements.js';
import { meOperations } from './operations/me.js';
import { evaluationOperations } from './operations/evaluations.js';

export { problemCodesOf, type Operation } from './operation.js';
export { DEMO_FILE, PIXEL_PNG } from './operations/files.js';
export { DEMO_APPLICATION } from './operations/provider-applications.js';
export { DEMO_APPLICATION_RESUME_KEY, DEMO_CHANGES_APPLICATION, DEMO_DRAFT } from './operations/application-drafts.js';
export { DEMO_NOTICE } from './operations/public-notices.js';
export { DEMO_DRAFTS } from './operations/me-products.js';
export { DEMO_PROVIDER } from './operations/provider-accounts.js';
export { DEMO_BATCH_EXAMPLES, DEMO_BATCH_INPUT } from './operations/voucher-batch-admin.js';
export { DEMO_POLICY_EXAMPLES, DEMO_POLICY_INPUT } from './operations/policy-writes.js';
export { DEMO_STAFF_EVENTS } from './operations/event-admin-demo.js';
export { DEMO_ORDER_DEMAND } from './operations/order-demo.js';
export { DEMO_STAFF } from './operations/staff.js';

export const operations = {
  ...platformOperations,
  ...meOperations,
  ...catalogOperations,
  ...demandOperations,
  ...eventOperations,
  ...voucherOperations,
  ...settlementOperations,
  ...ratingOperations,
  ...policyOperations,
  ...evaluationOperations,
  ...fileOperations,
  ...providerApplicationOperations,
  ...demoOperations,
  ...applicationDraftOperations,
  ...publicNoticeOperations,
  ...meProductOperations,
  ...providerAccountOperations,
  ...expertOperations,
  ...notificationOperations,
  ...voucherBatchAdminOperations,
  ...policyWriteOperations,
  ...eventAdminOperations,
  ...staffOperations,
  ...centerOperations,
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
