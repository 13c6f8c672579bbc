export {
  DEMO_APPLICATION,
  DEMO_FILE,
  PIXEL_PNG,
  operations,
  problemCodesOf,
  type Operation,
  type OperationId,
} from './operations.js';
export { DEMO_APPLICATION_RESUME_KEY, DEMO_CHANGES_APPLICATION, DEMO_DRAFT } from './operations.js';
export { DEMO_NOTICE } from './operations.js';
export { buildOpenApiDocument, type OpenApiOptions } from './document.js';
export { CORS_EXPOSED_HEADERS } from './response-headers.js';
export { DEMO_DRAFTS, DEMO_PROVIDER } from './operations.js';
export { DEMO_BATCH_EXAMPLES, DEMO_BATCH_INPUT, DEMO_POLICY_EXAMPLES, DEMO_POLICY_INPUT } from './operations.js';
export { DEMO_STAFF_EVENTS } from './operations.js';
export { DEMO_ORDER_DEMAND } from './operations.js';
export { DEMO_STAFF } from './operations.js';
