import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { RegionIndex } from './catalog/regions.js';
import type { CatalogContext } from './catalog/context.js';
import { prepareDatabase, type PreparedDatabase } from './db/prepare.js';
import { registerPrincipal } from './auth/principal.js';
import { loadDemoSigningKey } from './auth/keys.js';
import { Authenticator, type AuthSettings } from './auth/verifier.js';
import { registerCompression } from './http/compression.js';
import { CORS_OPTIONS } from './http/cors.js';
import { registerEtags } from './http/etag.js';
import { registerRateLimits, type RateLimitRule } from './http/rate-limit.js';
import { fileRoutes } from './routes/files.js';
import { S3FileStore, type S3Settings } from './files/s3-store.js';
import { frameworkErrorHandler, registerErrorHandlers } from './http/error-handlers.js';
import { loggerOptions, registerRequestLog } from './http/logging.js';
import { registerProblemCodeCheck } from './http/problem-code-check.js';
import { registerJsonBodies } from './http/json-body.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { catalogRoutes } from './routes/catalog.js';
import { demandRoutes } from './routes/demands.js';
import { providerApplicationRoutes } from './routes/provider-applications.js';
import { applicationDraftRoutes } from './routes/application-drafts.js';
import { publicNoticeRoutes } from './routes/public-notices.js';
import { demoAuthRoutes } from './routes/demo-auth.js';
import { demoRoutes, type DemoOptions } from './routes/demo.js';
import { engagementRoutes } from './routes/engagements.js';
import { eventAdminRoutes } from './routes/event-admin.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { openApiRoutes } from './routes/openapi.js';
import { policyRoutes } from './routes/policies.js';
import { centerRoutes } from './routes/centers.js';
import { ratingRoutes } from './routes/ratings.js';
import { referenceRoutes } from './routes/reference.js';
import { statsRoutes } from './routes/stats.js';
import { voucherRoutes } from './routes/vouchers.js';
import { voucherBatchAdminRoutes } from './routes/voucher-batch-admin.js';
import { policyWriteRoutes } from './routes/policy-writes.js';
import { meProductRoutes } from './routes/me-products.js';
import { providerAccountRoutes } from './routes/provider-accounts.js';
import { expertRoutes } from './routes/experts.js';
import { notificationRoutes } from './routes/notifications.js';
import { meRoutes } from './routes/me.js';
import { auditLogRoutes } from './routes/audit-log.js';
import { staffRoutes } from './routes/staff.js';
import { startExpirySweep } from './vouchers/expiry.js';
import { AdmissionSweep, sweepBeforeStatusAnswers } from './applications/admission.js';
import type { Clock } from './clock.js';
import { startDeliverySweep } from './notifications/delivery-sweep.js';
import type { MailSender } from './notifications/sender.js';
import type { SmtpSettings } from './notifications/sender-smtp.js';

export interface AppOptions {
  /** An open database; the caller closes it. Without one, `dataDir` is opened (and closed with the app). */
  readonly database?: PreparedDatabase;
  readonly dataDir?: string;
  /** Log one JSON line per request, with no personal data (see `http/logging.ts`). */
  readonly logger?: boolean;
  /** Serve the demo site at `/` and the CDN build at `/cdn/`. */
  readonly demo?: boolean | DemoOptions;
  /** Where log lines go (default stdout); tests capture them here. */
  readonly logStream?: { write(line: string): unknown };
  /** Who issues the bearer tokens the platform accepts. Default: the demo issuer and audience, no external JWKS. */
  readonly auth?: Partial<AuthSettings>;
  /**
   * Be its own token issuer and serve the demo sign-in (`/demo/users`, `/demo/token`, `/demo/jwks.json`). Never
   * together with an external `auth.jwksUrl`. Default false.
   */
  readonly demoAuth?: boolean;
  /**
   * Which proxies to believe about the client's address (`X-Forwarded-For`), as Fastify's `trustProxy`: behind a
   * load balancer the per-address rate limits must see the client, not the balancer. Default: none.
   */
  readonly trustProxy?: boolean | number | string;
  /** Per-address limits of the public forms' endpoints (demands and applications to join, each counted apart). */
  readonly rateLimits?: {
    readonly demandSubmit?: RateLimitRule;
    readonly demandLookup?: RateLimitRule;
    readonly fileUpload?: RateLimitRule;
    /** Objections to an applicant under public notice; default the demands' submit limit. */
    readonly objectionSubmit?: RateLimitRule;
  };
  /** Send `Strict-Transport-Security` with this max-age on HTTPS requests; 0 or unset: never. */
  readonly hstsMaxAge?: number;
  /** An S3-compatible bucket for new files' bytes; without one they are kept in the database. */
  readonly fileStore?: S3Settings;
  /**
   * Tests only: a problem whose code its operation does not list becomes a loud 500 (`http/problem-code-check.ts`),
   * so that a test meeting it fails. Default false: production servers send what the route threw.
   */
  readonly checkProblemCodes?: boolean;
  /**
   * Runs on the new instance before any route is registered: for what must see every route (the route/operation
   * test adds an `onRoute` hook here).
   */
  readonly beforeRoutes?: (app: FastifyInstance) => void;
  /** The one clock every "now" of the server is read from (`config.ts` makes it from `SMEC_NOW`, else the real time). */
  readonly clock: Clock;
  /** The SMTP relay notifications are mailed through; without one (and no `mailSender`) the log sender. */
  readonly mail?: SmtpSettings;
  /** Tests only: the sender notifications go through, in place of the log or SMTP sender. */
  readonly mailSender?: MailSender;
}

export const DEMO_ISSUER = 'https://smec.gd.gov.cn/demo';
export const DEFAULT_AUDIENCE = 'smec-platform';
export const DEFAULT_SUBMIT_LIMIT: RateLimitRule = { max: 10, windowMs: 10 * 60_000 };
export const DEFAULT_LOOKUP_LIMIT: RateLimitRule = { max: 30, windowMs: 60_000 };
/** An application takes a licence and a few certificates: 30 files in 10 minutes is more than any applicant needs. */
export const DEFAULT_UPLOAD_LIMIT: RateLimitRule = { max: 30, windowMs: 10 * 60_000 };

export { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS } from './http/cors.js';

const API_PREFIX = '/api/v1';
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The platform API (and, in demo mode, the demo site) as a Fastify instance, ready for `listen()` or `inject()`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const ownsDatabase = !options.database;
  const database =
    options.database ?? (await prepareDatabase(options.dataDir ?? '.data', { asOf: options.clock.now() }));
  const { clock } = options;
  const context: CatalogContext = {
    db: database.db,
    regions: await RegionIndex.load(database.db),
    cursorSecret: database.cursorSecret,
    clock,
  };

  const security = { hstsMaxAge: options.hstsMaxAge ?? 0 };
  const app = Fastify({
    logger: options.logger ? loggerOptions(clock, options.logStream) : false,
    // One line per request, written by our onResponse hook (with personal data masked).
    logController: new LogController({ disableRequestLogging: true }),
    // While closing, a request that still arrives on an open connection is served (the database is open until the
    // last one is answered) and told `Connection: close`, rather than refused with a bare 503.
    return503OnClosing: false,
    bodyLimit: 64 * 1024,
    trustProxy:
      typeof options.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (options.trustProxy as number)
        : (options.trustProxy ?? false),
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrorHandler(security),
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  if (ownsDatabase) app.addHook('onClose', async () => database.close());
  options.beforeRoutes?.(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(app, security);
  if (options.logger) registerRequestLog(app);

  registerErrorHandlers(app);
  if (options.checkProblemCodes) registerProblemCodeCheck(app, API_PREFIX);

  await app.register(cors, CORS_OPTIONS);
  registerEtags(app);
  // After the ETags: they name the bytes before compression, and compression marks them with its encoding.
  registerCompression(app);
  registerJsonBodies(app);
  await registerRateLimits(app, database.db, clock);

  const authSettings: AuthSettings = {
    issuer: options.auth?.issuer ?? DEMO_ISSUER,
    audience: options.auth?.audience ?? DEFAULT_AUDIENCE,
    ...(options.auth?.jwksUrl ? { jwksUrl: options.auth.jwksUrl } : {}),
    ...(options.auth?.claims ? { claims: options.auth.claims } : {}),
  };
  const demoAuth = (options.demoAuth ?? false) && !authSettings.jwksUrl;
  const authenticator = new Authenticator(
    database.db,
    authSettings,
    demoAuth ? await loadDemoSigningKey(database.db) : undefined,
    clock,
    context.regions,
  );
  registerPrincipal(app, authenticator);
  // What every domain's store needs: the database, the region index, the cursor secret and the clock.
  const storeContext = { db: database.db, regions: context.regions, secret: database.cursorSecret, clock };
  const bucket = options.fileStore ? new S3FileStore(options.fileStore) : undefined;
  // Unused vouchers past their deadline expire even when nobody touches them; every use checks again.
  const expirySweep = startExpirySweep(database.db, clock);
  app.addHook('onClose', async () => expirySweep.stop());
  // Applications whose public notice ended with no objection upheld are admitted, likewise without anyone asking.
  const admissionSweep = new AdmissionSweep(database.db, context.regions, clock).start();
  app.addHook('onClose', async () => admissionSweep.stop());
  // Notifications are mailed once the write that told them has answered (and so committed), and retried on a timer.
  startDeliverySweep(app, database.db, clock, options, API_PREFIX);

  await app.register(
    async (api) => {
      sweepBeforeStatusAnswers(api, admissionSweep, API_PREFIX);
      healthRoutes(api, context);
      openApiRoutes(api);
      referenceRoutes(api, context);
      catalogRoutes(api, context);
      demandRoutes(api, storeContext, {
        submitLimit: options.rateLimits?.demandSubmit ?? DEFAULT_SUBMIT_LIMIT,
        lookupLimit: options.rateLimits?.demandLookup ?? DEFAULT_LOOKUP_LIMIT,
      });
      providerApplicationRoutes(api, storeContext, {
        // The public forms' limits, counted apart: a few submissions, more lookups, per address.
        submitLimit: options.rateLimits?.demandSubmit ?? DEFAULT_SUBMIT_LIMIT,
        lookupLimit: options.rateLimits?.demandLookup ?? DEFAULT_LOOKUP_LIMIT,
      });
      eventRoutes(api, storeContext);
      eventAdminRoutes(api, storeContext);
      voucherRoutes(api, storeContext);
      engagementRoutes(api, storeContext);
      ratingRoutes(api, storeContext);
      policyRoutes(api, storeContext);
      centerRoutes(api, storeContext);
      statsRoutes(api, storeContext);
      await api.register(async (files) =>
        fileRoutes(
          files,
          { ...storeContext, bucket },
          { uploadLimit: options.rateLimits?.fileUpload ?? DEFAULT_UPLOAD_LIMIT },
        ),
      );
      applicationDraftRoutes(api, storeContext, {
        submitLimit: options.rateLimits?.demandSubmit ?? DEFAULT_SUBMIT_LIMIT,
        lookupLimit: options.rateLimits?.demandLookup ?? DEFAULT_LOOKUP_LIMIT,
      });
      publicNoticeRoutes(api, storeContext, {
        objectionLimit: options.rateLimits?.objectionSubmit ?? options.rateLimits?.demandSubmit ?? DEFAULT_SUBMIT_LIMIT,
      });
      meProductRoutes(api, storeContext);
      providerAccountRoutes(api, storeContext);
      if (demoAuth) demoAuthRoutes(api, database.db, authenticator);
      expertRoutes(api, context);
      notificationRoutes(api, storeContext);
      meRoutes(api, storeContext);
      voucherBatchAdminRoutes(api, storeContext);
      policyWriteRoutes(api, storeContext);
      auditLogRoutes(api, storeContext);
      staffRoutes(api, storeContext);
    },
    { prefix: API_PREFIX },
  );

  if (options.demo)
    await app.register(async (site) => demoRoutes(site, options.demo === true ? {} : (options.demo as DemoOptions)));

  return app;
}
